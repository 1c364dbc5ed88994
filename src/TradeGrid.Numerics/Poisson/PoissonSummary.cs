using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>Final-round parts and their assembly into a <see cref="PoissonFit"/>.</summary>
internal static class PoissonSummary
{
    public static PoissonScorePart Part(ScorePart scores, int groups, int[] separated, ReadOnlySpan<double> y, ReadOnlySpan<double> mu)
    {
        int n = y.Length;
        double deviance = 0.0;
        double logLik = 0.0;
        double meanY = n == 0 ? 0.0 : Mean(y);
        double meanMu = n == 0 ? 0.0 : Mean(mu);
        double syy = 0.0;
        double smm = 0.0;
        double sym = 0.0;
        for (int i = 0; i < n; i++)
        {
            deviance += PoissonBlock.DevianceTerm(y[i], mu[i]);
            logLik += (y[i] > 0.0 ? y[i] * Math.Log(mu[i]) : 0.0) - mu[i] - MathNet.Numerics.SpecialFunctions.GammaLn(y[i] + 1.0);
            double dy = y[i] - meanY;
            double dm = mu[i] - meanMu;
            syy += dy * dy;
            smm += dm * dm;
            sym += dy * dm;
        }

        return new PoissonScorePart(scores, groups, separated, deviance, logLik, meanY, meanMu, syy, smm, sym);
    }

    /// <summary>
    /// The sample's totals from every row's y and μ, in chunks of rows in parallel (the log-gamma of every y is the
    /// costly part), the chunks' sums combined in chunk order.
    /// </summary>
    public static PoissonTotals Totals(int groups, int separated, double[] y, double[] mu)
    {
        const int ChunkRows = 65536;
        int n = y.Length;
        int chunks = Math.Max(1, (n + ChunkRows - 1) / ChunkRows);
        var parts = new PoissonScorePart[chunks];
        Work.For(chunks, n, c =>
        {
            int first = c * ChunkRows;
            int m = Math.Min(ChunkRows, n - first);
            parts[c] = Part(new ScorePart(m, [], [], 0.0), 0, [], y.AsSpan(first, m), mu.AsSpan(first, m));
        });
        return PoissonTotals.Combine(parts) with { Groups = groups, Separated = separated };
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>The fit; <paramref name="absorbed"/> counts year effects projected out before the solve (they count as dummies would).</summary>
    public static PoissonFit Assemble(ScoreBasis basis, IReadOnlyList<PoissonScorePart> parts, string[] names, int dummies, PoissonOptions options, int iterations, double lastChange, int absorbed = 0) =>
        Assemble(basis, parts.Select(p => p.Scores).ToArray(), PoissonTotals.Combine(parts), names, dummies, options, iterations, lastChange, absorbed);

    /// <summary>The fit from score parts (one per cluster for cluster covariances) and the sample's totals, computed apart.</summary>
    public static PoissonFit Assemble(ScoreBasis basis, IReadOnlyList<ScorePart> scores, PoissonTotals totals, string[] names, int dummies, PoissonOptions options, int iterations, double lastChange, int absorbed = 0)
    {
        int n = totals.Observations;
        int groups = totals.Groups;
        int separated = totals.Separated;
        double deviance = totals.Deviance;
        double logLik = totals.LogLikelihood;
        double syy = totals.Syy;
        double smm = totals.Smm;
        double sym = totals.Sym;
        int r = basis.Retained.Length;
        int all = r + absorbed + groups;
        if (n <= all)
        {
            throw new InsufficientDataException(
                $"{n} observations for {all} parameters ({r + absorbed} coefficients, {groups} fixed effects): N must exceed K; widen the sample or drop regressors.");
        }

        CovarianceKind kind = options.Covariance;
        bool cluster = LinearModel.IsCluster(kind);
        double df = n - all;
        int clusters = 0;
        double[] covariance;
        if (kind == CovarianceKind.Classical)
        {
            var identity = new double[r * r];
            for (int j = 0; j < r; j++)
            {
                identity[j * r + j] = 1.0;
            }

            covariance = Triangular.Congruence(basis.R, r, identity);
        }
        else
        {
            double[] meat = Sandwich.Meat(scores, r, cluster, out clusters);
            if (cluster && clusters < 2)
            {
                throw new InsufficientDataException($"A cluster-robust covariance needs at least 2 clusters; the sample has {clusters}.");
            }

            // HC1 and CR1 count every parameter, absorbed effects included (the table; sandwich on the dummy glm).
            double factor = kind switch
            {
                CovarianceKind.Hc0 => 1.0,
                CovarianceKind.Hc1 => (double)n / (n - all),
                CovarianceKind.ClusterCr0 => clusters / (clusters - 1.0),
                _ => clusters / (clusters - 1.0) * (n - 1.0) / (n - all),
            };
            covariance = Sandwich.Sandwiched(basis.R, r, meat, factor);
            if (cluster)
            {
                df = clusters - 1;
            }
            else
            {
                clusters = 0;
            }
        }

        int[] reported = Enumerable.Range(0, r).Where(j => basis.Retained[j] >= dummies).ToArray();
        double[] beta = reported.Select(j => basis.Beta[basis.Retained[j]]).ToArray();
        double[] v = Sandwich.Subset(covariance, r, reported);
        CoefficientTable table = CoefficientTable.Build(beta, v, df, options.ConfidenceLevel);
        int[] tested = Enumerable.Range(0, reported.Length).ToArray();
        double wald = Sandwich.WaldF(beta, v, reported.Length, tested);
        string[] notes = separated == 0 ? []
            : [$"{separated} rows dropped: their entity's dependent is zero in every row (fixed-effect separation)."];
        return new PoissonFit
        {
            Names = reported.Select(j => names[basis.Retained[j]]).ToArray(),
            Coefficients = beta,
            StandardErrors = table.StandardErrors,
            TStatistics = table.T,
            PValues = table.P,
            NormalPValues = table.NormalP,
            ConfidenceLower = table.Lower,
            ConfidenceUpper = table.Upper,
            ConfidenceLevel = options.ConfidenceLevel,
            Covariance = v,
            CovarianceKind = kind,
            Df = df,
            Observations = n,
            Parameters = reported.Length,
            AbsorbedParameters = all - reported.Length,
            Groups = groups,
            Clusters = clusters,
            WaldF = wald,
            WaldDf1 = reported.Length,
            WaldDf2 = df,
            WaldPValue = Distributions.FUpper(wald, reported.Length, df),
            Deviance = deviance,
            PseudoRSquared = sym * sym / (syy * smm),
            LogLikelihood = logLik,
            Aic = -2.0 * logLik + 2.0 * all,
            Bic = -2.0 * logLik + Math.Log(n) * all,
            Iterations = iterations,
            Converged = true,
            LastChange = lastChange,
            DroppedColumns = Enumerable.Range(0, names.Length).Where(j => j >= dummies && !basis.Retained.Contains(j)).Select(j => names[j]).ToArray(),
            SeparatedRows = [],
            SeparationNotes = notes,
        };
    }
}
