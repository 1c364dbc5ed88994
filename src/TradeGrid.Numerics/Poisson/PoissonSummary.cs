using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>Final-round parts and their assembly into a <see cref="PoissonFit"/>.</summary>
internal static class PoissonSummary
{
    public static PoissonScorePart Part(ScorePart scores, int groups, int[] separated, double[] y, double[] mu)
    {
        int n = y.Length;
        double deviance = 0.0;
        double logLik = 0.0;
        double meanY = n == 0 ? 0.0 : y.Average();
        double meanMu = n == 0 ? 0.0 : mu.Average();
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

    /// <summary>The fit; <paramref name="absorbed"/> counts year effects projected out before the solve (they count as dummies would).</summary>
    public static PoissonFit Assemble(ScoreBasis basis, IReadOnlyList<PoissonScorePart> parts, string[] names, int dummies, PoissonOptions options, int iterations, double lastChange, int absorbed = 0)
    {
        int n = 0;
        int groups = 0;
        int separated = 0;
        double deviance = 0.0;
        double logLik = 0.0;
        double meanY = 0.0;
        double meanMu = 0.0;
        double syy = 0.0;
        double smm = 0.0;
        double sym = 0.0;
        foreach (PoissonScorePart part in parts)
        {
            int m = part.Scores.Observations;
            groups += part.Groups;
            separated += part.SeparatedRows.Length;
            deviance += part.Deviance;
            logLik += part.LogLikelihood;
            if (m == 0)
            {
                continue;
            }

            // Chan, Golub and LeVeque's pairwise update of centred sums: no cancellation when blocks' means differ.
            double total = n + m;
            double dy = part.MeanY - meanY;
            double dm = part.MeanMu - meanMu;
            syy += part.Syy + dy * dy * n * m / total;
            smm += part.Smm + dm * dm * n * m / total;
            sym += part.Sym + dy * dm * n * m / total;
            meanY += dy * m / total;
            meanMu += dm * m / total;
            n += m;
        }

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
            double[] meat = Sandwich.Meat(parts.Select(p => p.Scores).ToArray(), r, cluster, out clusters);
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
