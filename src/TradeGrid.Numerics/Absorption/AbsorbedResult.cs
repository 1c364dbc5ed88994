using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>Assembles the coefficient table and the statistics of a fit with absorbed effects.</summary>
internal static class AbsorbedResult
{
    public static AbsorbedFit Build(AbsorbedResultParts p)
    {
        int[] kept = p.Step.Kept;
        double[] beta = kept.Select(j => p.Step.Beta[j]).ToArray();
        CoefficientTable table = CoefficientTable.Build(beta, p.Covariance.Covariance, p.Covariance.Df, p.Options.ConfidenceLevel);
        return new AbsorbedFit
        {
            Names = kept.Select(j => p.Names[j]).ToArray(),
            Coefficients = beta,
            StandardErrors = table.StandardErrors,
            TStatistics = table.T,
            PValues = table.P,
            NormalPValues = table.NormalP,
            ConfidenceLower = table.Lower,
            ConfidenceUpper = table.Upper,
            ConfidenceLevel = p.Options.ConfidenceLevel,
            Covariance = p.Covariance.Covariance,
            CovarianceKind = p.Options.Covariance,
            SmallSample = p.Covariance.Note,
            Df = p.Covariance.Df,
            SmallSampleK = p.Covariance.K,
            Observations = p.Observations,
            Parameters = kept.Length,
            AbsorbedParameters = p.Parameters - kept.Length,
            Effects = p.EffectNames.Select((e, q) => new EffectCount(e, p.Groups[q])).ToArray(),
            Clusters = p.Covariance.Clusters,
            RSquared = p.RSquared,
            AdjustedRSquared = p.AdjustedRSquared,
            WithinRSquared = p.WithinRSquared,
            PseudoRSquared = p.PseudoRSquared,
            DependentMean = p.DependentMean,
            Rss = p.Rss,
            Sigma = p.Sigma,
            Deviance = p.Deviance,
            LogLikelihood = p.LogLikelihood,
            Iterations = p.Iterations,
            ProjectionIterations = p.ProjectionIterations,
            DroppedColumns = p.Step.Dropped.Select(j => p.Names[j]).ToArray(),
            Singletons = p.Filtered.Singletons,
            SingletonExample = p.Filtered.SingletonExample,
            Separated = p.Separated,
            SeparatedExample = p.SeparatedExample,
            SeparationNotes = p.SeparationNotes,
            Used = p.Used,
        };
    }
}
