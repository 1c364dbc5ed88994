using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The IRLS of <see cref="AbsorbedPpml"/>: working variable z = η + (y − μ)/μ and weights μ; the effects projected out of
/// z and the regressors with weights μ, starting from the previous step's projection (what was taken out of a column is
/// taken out again before the CG starts, so late steps take few CG iterations); step halving when the deviance is not
/// finite or rises. The result holds the final step's demeaned columns at the converged μ and the scores' multiplier y − μ.
/// </summary>
internal sealed record PoissonIrls(AbsorbedStep Step, double[][] Columns, double[] Mu, double[] Score, double Deviance, int Iterations, int ProjectionIterations)
{
    public static PoissonIrls Run(AbsorbedSample sample, string[] names, bool effects, AbsorbedOptions options)
    {
        double[] y = sample.Y;
        int n = y.Length;
        int k = sample.Columns.Length;
        double mean = y.Average();
        var mu = y.Select(v => (v + mean) / 2.0).ToArray();
        var eta = mu.Select(v => Math.Log(v)).ToArray();
        double deviance = PoissonDeviance(y, mu);
        var takenX = new double[k][];
        for (int j = 0; j < k; j++)
        {
            takenX[j] = new double[n];
        }

        var takenZ = new double[n];
        int projection = 0;
        bool converged = false;
        bool polished = false;
        int iterations = 0;
        AbsorbedStep? step = null;
        double[][] xt = [];
        for (int iteration = 1; iteration <= AbsorbedPpml.MaxIterations; iteration++)
        {
            iterations = iteration;
            var z = new double[n];
            for (int i = 0; i < n; i++)
            {
                z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
            }

            var cpu1 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            (xt, double[] zt, int used) = Project(sample, mu, z, takenX, takenZ, names, effects, options);
            projection = Math.Max(projection, used);
            Console.Error.Write($"[{used} {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime-cpu1).TotalMilliseconds:F0}] ");
            double[] norms = sample.Columns.Select(c => effects ? AbsorbedSolve.CentredNorm(c, mu) : Math.Sqrt(c.Select((v, i) => mu[i] * v * v).Sum())).ToArray();
            step = AbsorbedSolve.Solve(xt, zt, mu, norms, names, options.DropCollinear, options.CollinearityTolerance);
            var etaNew = new double[n];
            for (int i = 0; i < n; i++)
            {
                etaNew[i] = z[i] - step.Residual[i];
            }

            double previous = deviance;
            double[] muNew = etaNew.Select(v => Math.Exp(v)).ToArray();
            double devNew = PoissonDeviance(y, muNew);
            for (int halving = 0; halving < 30 && (!double.IsFinite(devNew) || devNew > previous * (1 + 1e-12) + 1e-12) && iteration > 1; halving++)
            {
                for (int i = 0; i < n; i++)
                {
                    etaNew[i] = 0.5 * (etaNew[i] + eta[i]);
                    muNew[i] = Math.Exp(etaNew[i]);
                }

                devNew = PoissonDeviance(y, muNew);
            }

            eta = etaNew;
            mu = muNew;
            deviance = devNew;
            if (polished)
            {
                converged = true;
                break;
            }

            polished = Math.Abs(deviance - previous) / (0.1 + Math.Abs(deviance)) < options.PoissonTolerance;
        }

        if (!converged || step is null)
        {
            throw new NoConvergenceException(
                $"PPML did not converge in {AbsorbedPpml.MaxIterations} iterations (tolerance {options.PoissonTolerance:G2} on the deviance's relative change); "
                + "look for regressors with extreme values or separation the rectifier missed.");
        }

        // The covariance at the converged μ: project once more with the final weights.
        var zFinal = new double[n];
        for (int i = 0; i < n; i++)
        {
            zFinal[i] = eta[i] + (y[i] - mu[i]) / mu[i];
        }

        (double[][] xFinal, double[] zt2, int last) = Project(sample, mu, zFinal, takenX, takenZ, names, effects, options);
        double[] finalNorms = sample.Columns.Select(c => effects ? AbsorbedSolve.CentredNorm(c, mu) : Math.Sqrt(c.Select((v, i) => mu[i] * v * v).Sum())).ToArray();
        AbsorbedStep final = AbsorbedSolve.Solve(xFinal, zt2, mu, finalNorms, names, options.DropCollinear, options.CollinearityTolerance);
        var score = new double[n];
        for (int i = 0; i < n; i++)
        {
            score[i] = y[i] - mu[i];
        }

        return new PoissonIrls(final with { Beta = step.Beta }, xFinal, mu, score, deviance, iterations, Math.Max(projection, last));
    }

    private static (double[][] X, double[] Z, int Iterations) Project(AbsorbedSample sample, double[] mu, double[] z, double[][] takenX, double[] takenZ,
        string[] names, bool effects, AbsorbedOptions options)
    {
        int n = z.Length;
        int k = sample.Columns.Length;
        var columns = new double[k + 1][];
        for (int j = 0; j < k; j++)
        {
            double[] c = sample.Columns[j];
            var start = new double[n];
            for (int i = 0; i < n; i++)
            {
                start[i] = c[i] - takenX[j][i];
            }

            columns[j] = start;
        }

        var zStart = new double[n];
        for (int i = 0; i < n; i++)
        {
            zStart[i] = z[i] - takenZ[i];
        }

        columns[k] = zStart;
        int iterations = 0;
        if (effects)
        {
            var projector = new EffectProjector(sample.Ids, sample.Groups, mu, options.Tolerance, options.MaxIterations);
            iterations = projector.DemeanColumns(columns, names.Append("the working dependent").ToArray());
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    takenX[j][i] = sample.Columns[j][i] - columns[j][i];
                }
            }

            for (int i = 0; i < n; i++)
            {
                takenZ[i] = z[i] - columns[k][i];
            }
        }

        return (columns.Take(k).ToArray(), columns[k], iterations);
    }

    public static double PoissonDeviance(double[] y, double[] mu)
    {
        double d = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            d += (y[i] > 0.0 ? y[i] * Math.Log(y[i] / mu[i]) : 0.0) - (y[i] - mu[i]);
        }

        return 2.0 * d;
    }
}
