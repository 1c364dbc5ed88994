using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The IRLS of <see cref="AbsorbedPpml"/>: working variable z = η + (y − μ)/μ and weights μ; the effects projected out of
/// z and the regressors with weights μ, starting from the previous step's projection (what was taken out of a column is
/// taken out again before the CG starts, so late steps take few CG iterations); step halving when the deviance is not
/// finite or rises. The result holds the final step's demeaned columns at the converged μ and the scores' multiplier y − μ.
/// <para>
/// The projections of the early steps are solved loosely (ppmlhdfe's adaptive tolerance): a step's tolerance is the
/// previous step's relative change of the deviance over <see cref="InnerTighter"/>, at most <see cref="InnerStart"/> and at
/// least the options' tolerance; the loop only stops after steps solved at the options' tolerance, so the answer is
/// that of projections solved to it throughout. One projector and one set of row arrays serve every step.
/// </para>
/// </summary>
internal sealed record PoissonIrls(AbsorbedStep Step, double[][] Columns, double[] Mu, double[] Score, double Deviance, int Iterations, int ProjectionIterations)
{
    /// <summary>The loosest tolerance of an early step's projections.</summary>
    public const double InnerStart = 1e-4;

    /// <summary>A step's projections are solved to the previous relative change of the deviance over this.</summary>
    public const double InnerTighter = 1e2;

    public static PoissonIrls Run(AbsorbedSample sample, string[] names, bool effects, AbsorbedOptions options)
    {
        double[] y = sample.Y;
        int n = y.Length;
        int k = sample.Columns.Length;
        double mean = ColumnMoments.Mean(y);
        var mu = new double[n];
        var eta = new double[n];
        for (int i = 0; i < n; i++)
        {
            mu[i] = (y[i] + mean) / 2.0;
            eta[i] = Math.Log(mu[i]);
        }

        double deviance = PoissonDeviance(y, mu);
        var work = new Projection(sample, names, effects, options, mu);
        var z = new double[n];
        var etaNew = new double[n];
        var muNew = new double[n];
        var residuals = new double[n];
        int projection = 0;
        bool converged = false;
        bool polished = false;
        int iterations = 0;
        AbsorbedStep? step = null;
        double change = double.PositiveInfinity;
        for (int iteration = 1; iteration <= AbsorbedPpml.MaxIterations; iteration++)
        {
            iterations = iteration;
            double[] etaNow = eta, muNow = mu;
            ForChunks(n, (from, to) =>
            {
                for (int i = from; i < to; i++)
                {
                    z[i] = etaNow[i] + (y[i] - muNow[i]) / muNow[i];
                }
            });

            double tolerance = StepTolerance(change, options);
            bool exact = tolerance <= options.Tolerance;
            projection = Math.Max(projection, work.Run(mu, z, tolerance));
            step = AbsorbedSolve.Solve(work.X, work.Z, mu, work.Norms(mu), names, options.DropCollinear, options.CollinearityTolerance, residuals);
            double[] residual = step.Residual;
            ForChunks(n, (from, to) =>
            {
                for (int i = from; i < to; i++)
                {
                    etaNew[i] = z[i] - residual[i];
                    muNew[i] = Math.Exp(etaNew[i]);
                }
            });

            double previous = deviance;
            double devNew = PoissonDeviance(y, muNew);
            for (int halving = 0; halving < 30 && Worse(devNew, previous) && iteration > 1; halving++)
            {
                for (int i = 0; i < n; i++)
                {
                    etaNew[i] = 0.5 * (etaNew[i] + eta[i]);
                    muNew[i] = Math.Exp(etaNew[i]);
                }

                devNew = PoissonDeviance(y, muNew);
            }

            (eta, etaNew) = (etaNew, eta);
            (mu, muNew) = (muNew, mu);
            deviance = devNew;
            if (polished)
            {
                converged = true;
                break;
            }

            change = Change(deviance, previous);
            polished = exact && change < options.PoissonTolerance;
        }

        if (!converged || step is null)
        {
            throw NotConverged(options);
        }

        // The covariance at the converged μ: project once more with the final weights.
        for (int i = 0; i < n; i++)
        {
            z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
        }

        int last = work.Run(mu, z, options.Tolerance);
        AbsorbedStep final = AbsorbedSolve.Solve(work.X, work.Z, mu, work.Norms(mu), names, options.DropCollinear, options.CollinearityTolerance);
        var score = new double[n];
        for (int i = 0; i < n; i++)
        {
            score[i] = y[i] - mu[i];
        }

        return new PoissonIrls(final with { Beta = step.Beta }, work.X, mu, score, deviance, iterations, Math.Max(projection, last));
    }

    /// <summary>A step's projection tolerance: the previous relative change of the deviance over <see cref="InnerTighter"/>, within [options' tolerance, <see cref="InnerStart"/>].</summary>
    public static double StepTolerance(double change, AbsorbedOptions options) => Math.Max(options.Tolerance, Math.Min(InnerStart, change / InnerTighter));

    /// <summary>A step to halve: its deviance is not finite or rose (beyond rounding) above the previous one.</summary>
    public static bool Worse(double deviance, double previous) => !double.IsFinite(deviance) || deviance > previous * (1 + 1e-12) + 1e-12;

    /// <summary>glm's convergence measure: |Δdev|/(0.1 + |dev|).</summary>
    public static double Change(double deviance, double previous) => Math.Abs(deviance - previous) / (0.1 + Math.Abs(deviance));

    /// <summary>The error of an IRLS that did not converge, with the iterations and the tolerance.</summary>
    public static NoConvergenceException NotConverged(AbsorbedOptions options) => new(
        $"PPML did not converge in {AbsorbedPpml.MaxIterations} iterations (tolerance {options.PoissonTolerance:G2} on the deviance's relative change); "
        + "look for regressors with extreme values or separation the rectifier missed.");

    /// <summary>Rows per chunk of the row loops run in parallel; the chunks are the same however many threads run them.</summary>
    public const int ChunkRows = 65_536;

    /// <summary>The deviance, summed per chunk of <see cref="ChunkRows"/> and the chunks' sums in order (deterministic).</summary>
    public static double PoissonDeviance(double[] y, double[] mu)
    {
        var parts = new double[(y.Length + ChunkRows - 1) / ChunkRows];
        ForChunks(y.Length, (from, to) =>
        {
            double d = 0.0;
            for (int i = from; i < to; i++)
            {
                d += (y[i] > 0.0 ? y[i] * Math.Log(y[i] / mu[i]) : 0.0) - (y[i] - mu[i]);
            }

            parts[from / ChunkRows] = d;
        });
        double total = 0.0;
        foreach (double d in parts)
        {
            total += d;
        }

        return 2.0 * total;
    }

    /// <summary>body(from, to) over chunks of <see cref="ChunkRows"/> rows, in parallel when the rows are many.</summary>
    internal static void ForChunks(int rows, Action<int, int> body)
    {
        int chunks = (rows + ChunkRows - 1) / ChunkRows;
        Work.For(chunks, rows, c => body(c * ChunkRows, Math.Min(rows, (c + 1) * ChunkRows)));
    }

    /// <summary>The regressors and the working variable with the effects projected out, and what was taken out of each (the next start).</summary>
    private sealed class Projection
    {
        private readonly AbsorbedSample _sample;
        private readonly bool _effects;
        private readonly string[] _names;
        private readonly EffectProjector? _projector;
        private readonly double[][] _columns;
        private readonly double[][] _taken;

        public Projection(AbsorbedSample sample, string[] names, bool effects, AbsorbedOptions options, double[] mu)
        {
            _sample = sample;
            _effects = effects;
            int n = sample.Y.Length;
            int k = sample.Columns.Length;
            _names = names.Append("the working dependent").ToArray();
            _projector = effects ? new EffectProjector(sample.Ids, sample.Groups, mu, options.Tolerance, options.MaxIterations) : null;
            _columns = new double[k + 1][];
            _taken = new double[k + 1][];
            for (int j = 0; j <= k; j++)
            {
                _columns[j] = new double[n];
                _taken[j] = new double[n];
            }
        }

        /// <summary>The demeaned regressors (overwritten by the next run).</summary>
        public double[][] X { get; private set; } = [];

        /// <summary>The demeaned working variable.</summary>
        public double[] Z { get; private set; } = [];

        /// <summary>Projects with weights μ to the tolerance; returns the CG iterations.</summary>
        public int Run(double[] mu, double[] z, double tolerance)
        {
            int k = _sample.Columns.Length;
            ColumnsLess(_columns, _taken, z);

            int iterations = 0;
            if (_projector is not null)
            {
                _projector.Reweight(mu);
                _projector.Tolerance = tolerance;
                iterations = _projector.DemeanColumns(_columns, _names);
                ColumnsLess(_taken, _columns, z);
            }

            X = _columns.Take(k).ToArray();
            Z = _columns[k];
            return iterations;
        }

        /// <summary>target[j] = column j − minus[j] for the regressors and the working variable z (the last), in chunks of rows.</summary>
        private void ColumnsLess(double[][] target, double[][] minus, double[] z)
        {
            int k = _sample.Columns.Length;
            ForChunks(z.Length, (from, to) =>
            {
                for (int j = 0; j <= k; j++)
                {
                    double[] c = j < k ? _sample.Columns[j] : z;
                    double[] t = target[j];
                    double[] m = minus[j];
                    for (int i = from; i < to; i++)
                    {
                        t[i] = c[i] - m[i];
                    }
                }
            });
        }

        /// <summary>Each regressor's (centred, with effects) weighted norm before the projection: the rank rule's scale.</summary>
        public double[] Norms(double[] mu) => _sample.Columns
            .Select(c => _effects ? AbsorbedSolve.CentredNorm(c, mu) : Math.Sqrt(c.Select((v, i) => mu[i] * v * v).Sum()))
            .ToArray();
    }
}
