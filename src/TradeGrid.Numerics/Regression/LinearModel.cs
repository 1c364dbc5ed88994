using TradeGrid.Domain;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Turns a combined QR part and the score parts into an <see cref="OlsFit"/>; shared by pooled OLS and fixed effects.
/// The leading <c>dummies</c> columns are year dummies of a fixed-effects model: dropped silently when collinear,
/// never reported, and the nuisance against which the within R² is measured.
/// </summary>
internal static class LinearModel
{
    public static bool IsCluster(CovarianceKind kind) => kind is CovarianceKind.ClusterCr0 or CovarianceKind.ClusterCr1;

    /// <summary>
    /// <paramref name="absorbed"/> counts year effects projected out before the QR (<see cref="Panel.EffectAbsorber"/>), with
    /// <paramref name="norms"/> the columns' norms before that projection; they count as the dummies would.
    /// </summary>
    public static OlsFit Assemble(QrPart total, IReadOnlyList<ScorePart>? scores, IReadOnlyList<string> names, OlsOptions options, int dummies, bool panel, int absorbed = 0, double[]? norms = null)
    {
        options.Validate(total.Columns);
        int n = total.Observations;
        if (n == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        LeastSquaresSolution solution = LeastSquares.Solve(total, names, dummies, options.DropCollinear, options.CollinearityTolerance, norms);
        int[] retained = solution.Retained;
        int r = retained.Length;
        int groups = total.Groups;
        int allParameters = r + absorbed + groups;
        if (n <= allParameters)
        {
            throw new InsufficientDataException(
                $"{n} observations for {allParameters} parameters ({r + absorbed} coefficients, {groups} fixed effects): "
                + "N must exceed K; widen the sample or drop regressors.");
        }

        int residualDf = n - allParameters;
        int[] reported = Enumerable.Range(0, r).Where(j => retained[j] >= dummies).ToArray();
        int slopes = reported.Length;
        int intercept = Array.IndexOf(retained, options.InterceptColumn);
        double rss = solution.Rss;

        double[] covariance;
        double df = residualDf;
        int clusters = 0;
        CovarianceKind kind = options.Covariance;
        if (kind == CovarianceKind.Classical)
        {
            covariance = solution.Bread.Select(b => b * rss / residualDf).ToArray();
        }
        else
        {
            if (scores is null || scores.Count == 0)
            {
                throw new ArgumentException($"Covariance {kind} needs score parts (the second round).", nameof(scores));
            }

            double[] meat = Sandwich.Meat(scores, r, IsCluster(kind), out clusters);
            double factor = kind switch
            {
                CovarianceKind.Hc0 => 1.0,
                CovarianceKind.Hc1 => (double)n / residualDf,
                CovarianceKind.ClusterCr0 => clusters / (clusters - 1.0),
                // Stata's vce(cluster) factor. With entity effects K counts the slopes only (plm's "sss"): the effects
                // are nested in the clusters. Year effects alone are not, so there K counts the year dummies too (as lm).
                _ => clusters / (clusters - 1.0) * (n - 1.0) / (n - (panel && groups > 0 ? slopes : r + absorbed)),
            };
            if (IsCluster(kind))
            {
                if (clusters < 2)
                {
                    throw new InsufficientDataException($"A cluster-robust covariance needs at least 2 clusters; the sample has {clusters}.");
                }

                df = clusters - 1;
            }
            else
            {
                clusters = 0;
            }

            covariance = Sandwich.Sandwiched(solution.Factor, r, meat, factor);
        }

        double[] beta = reported.Select(j => solution.Beta[retained[j]]).ToArray();
        double[] v = Sandwich.Subset(covariance, r, reported);
        CoefficientTable table = CoefficientTable.Build(beta, v, df, options.ConfidenceLevel);

        // TSS is the RSS against the nuisance: the intercept (centred R²), the year dummies (two-way within R²) or nothing.
        int[] nuisance = panel ? Enumerable.Range(0, r).Where(j => retained[j] < dummies).Select(j => retained[j]).ToArray()
            : intercept >= 0 ? [options.InterceptColumn] : [];
        double tss = LeastSquares.ResidualSquares(total, nuisance, options.CollinearityTolerance);
        double within = 1.0 - rss / tss;
        bool centred = panel || intercept >= 0;
        double adjustedWithin = 1.0 - (1.0 - within) * (n - (centred ? 1.0 : 0.0)) / residualDf;

        // Fixed effects: R² against the raw dependent's centred sum of squares (the dummy-variable lm's R², fixest's
        // "R2"); the within R² above is plm's. Pooled OLS: the two coincide.
        double rSquared = panel ? 1.0 - rss / total.YCentredSquares : within;
        double adjusted = panel ? 1.0 - (1.0 - rSquared) * (n - 1.0) / residualDf : adjustedWithin;

        int[] tested = Enumerable.Range(0, slopes).Where(j => reported[j] != intercept).ToArray();
        double q = tested.Length;
        double f = (tss - rss) / q / (rss / residualDf);
        double wald = kind == CovarianceKind.Classical ? f : Sandwich.WaldF(beta, v, slopes, tested);

        double logLik = -0.5 * n * (Math.Log(2.0 * Math.PI) + Math.Log(rss / n) + 1.0);
        double estimated = allParameters + 1.0; // σ counts, as in R's logLik.lm
        return new OlsFit
        {
            Names = reported.Select(j => names[retained[j]]).ToArray(),
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
            Parameters = slopes,
            AbsorbedParameters = allParameters - slopes,
            Clusters = clusters,
            Groups = groups,
            ResidualDf = residualDf,
            RSquared = rSquared,
            AdjustedRSquared = adjusted,
            WithinRSquared = panel ? within : double.NaN,
            AdjustedWithinRSquared = panel ? adjustedWithin : double.NaN,
            FStatistic = f,
            FDf1 = q,
            FDf2 = residualDf,
            FPValue = Distributions.FUpper(f, q, residualDf),
            WaldF = wald,
            WaldDf2 = df,
            WaldPValue = Distributions.FUpper(wald, q, df),
            Sigma = Math.Sqrt(rss / residualDf),
            Rss = rss,
            LogLikelihood = logLik,
            Aic = -2.0 * logLik + 2.0 * estimated,
            Bic = -2.0 * logLik + Math.Log(n) * estimated,
            DroppedColumns = solution.Dropped.Where(j => j >= dummies).Select(j => names[j]).ToArray(),
        };
    }
}
