using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Api.Estimation;

/// <summary>Coordinator records to protobuf messages.</summary>
public static class FitMapping
{
    public static ModelFit ToProto(this FitOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        FitStatistics s = outcome.Statistics;
        var fit = new ModelFit
        {
            FitId = outcome.FitId,
            Spec = outcome.Spec.ToProto(),
            Preset = outcome.Spec.Preset,
            ConfidenceLevel = s.ConfidenceLevel,
            Covariance = outcome.Spec.Covariance switch
            {
                CovarianceChoice.Classical => CovarianceType.Classical,
                CovarianceChoice.Hc0 => CovarianceType.Hc0,
                CovarianceChoice.Hc1 => CovarianceType.Hc1,
                CovarianceChoice.ClusterCr0 => CovarianceType.ClusterCr0,
                _ => CovarianceType.Cluster,
            },
            Df = s.Df,
            Observations = s.Observations,
            Parameters = s.Parameters,
            AbsorbedParameters = s.AbsorbedParameters,
            Clusters = s.Clusters,
            Groups = s.Groups,
            ResidualDf = s.ResidualDf,
            RSquared = s.RSquared,
            AdjRSquared = s.AdjustedRSquared,
            WithinRSquared = s.WithinRSquared,
            FStatistic = s.FStatistic,
            FDf1 = s.FDf1,
            FDf2 = s.FDf2,
            FPValue = s.FPValue,
            WaldF = s.WaldF,
            WaldDf1 = s.WaldDf1,
            WaldDf2 = s.WaldDf2,
            WaldPValue = s.WaldPValue,
            Sigma = s.Sigma,
            Rss = s.Rss,
            LogLikelihood = s.LogLikelihood,
            Aic = s.Aic,
            Bic = s.Bic,
            Deviance = s.Deviance,
            PseudoRSquared = s.PseudoRSquared,
            Iterations = s.Iterations,
            Converged = s.Converged,
            LastChange = s.LastChange,
            SeparatedRows = s.SeparatedRows,
            Economies = outcome.Blocks,
            FittedAt = outcome.FittedAt.ToString("O", CultureInfo.InvariantCulture),
            FromCache = outcome.FromCache,
            Stale = outcome.Stale,
            SmallSample = s.SmallSample,
            SingletonRows = s.SingletonRows,
            SingletonExample = s.SingletonExample,
            SeparatedExample = s.SeparatedExample,
            DependentMean = s.DependentMean,
            ProjectionIterations = s.ProjectionIterations,
        };
        fit.Effects.AddRange(s.EffectNames.Select((name, q) => new FitEffect { Name = name, Groups = s.EffectGroups[q] }));
        fit.ClusterDimensions.AddRange(s.ClusterNames.Select((name, q) => new FitEffect { Name = name, Groups = s.ClusterCounts[q] }));
        for (int j = 0; j < s.Names.Length; j++)
        {
            fit.Coefficients.Add(new FitCoefficient
            {
                Name = s.Names[j],
                Estimate = s.Coefficients[j],
                StdError = s.StandardErrors[j],
                TValue = s.TStatistics[j],
                PValue = s.PValues[j],
                PValueNormal = s.NormalPValues[j],
                CiLower = s.ConfidenceLower[j],
                CiUpper = s.ConfidenceUpper[j],
            });
        }

        fit.CovarianceMatrix.AddRange(s.Covariance);
        fit.DroppedColumns.AddRange(s.DroppedColumns);
        fit.SeparationNotes.AddRange(s.SeparationNotes);
        fit.DroppedRows.AddRange(outcome.Drops.Select(d => new FitDroppedRows { Reason = d.Reason, Rows = d.Rows, Example = d.Example }));
        fit.DataVersions.AddRange(outcome.Versions.Select(v => new DataVersion { Economy = v.Economy, Version = v.Version }));
        return fit;
    }

    /// <summary>The resolved spec in the request's terms (groups expanded into economies, defaults explicit).</summary>
    public static ModelSpec ToProto(this DesignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var proto = new ModelSpec
        {
            Dependent = spec.Dependent.ToProto(),
            Sample = new ModelSample { From = spec.From, To = spec.To },
            FixedEffects = spec.Effects switch
            {
                EffectsKind.Economy => FixedEffectsKind.Economy,
                EffectsKind.Year => FixedEffectsKind.Year,
                EffectsKind.TwoWay => FixedEffectsKind.TwoWay,
                EffectsKind.Pair => FixedEffectsKind.Pair,
                EffectsKind.PairYear => FixedEffectsKind.PairYear,
                _ => FixedEffectsKind.None,
            },
            Estimator = spec.Estimator == EstimatorKind.Ppml ? Estimator.Ppml : Estimator.Ols,
            ConfidenceLevel = spec.ConfidenceLevel,
            DropCollinear = spec.DropCollinear,
            DropNonpositiveLog = spec.DropNonpositiveLog,
        };
        proto.Covariance = spec.Covariance switch
        {
            CovarianceChoice.Classical => CovarianceType.Classical,
            CovarianceChoice.Hc0 => CovarianceType.Hc0,
            CovarianceChoice.Hc1 => CovarianceType.Hc1,
            CovarianceChoice.ClusterCr0 => CovarianceType.ClusterCr0,
            _ => CovarianceType.Cluster,
        };
        proto.Regressors.AddRange(spec.Regressors.Select(r => r.ToProto()));
        if (spec.Absorbed)
        {
            proto.Formula = spec.Formula;
            proto.FixedEffects = FixedEffectsKind.Unspecified;
            proto.Effects.AddRange(spec.EffectSets);
            proto.Cluster.AddRange(spec.ClusterBy);
            proto.NoIntercept = spec.EffectSets.Length == 0 && !spec.AddIntercept;
            proto.Domestic = spec.Domestic;
            proto.KeepSingletons = spec.KeepSingletons;
            proto.AbsorbInGrains = spec.AbsorbInGrains;
        }

        proto.Sample.Economies.AddRange(spec.Economies);
        proto.Sample.Partners.AddRange(spec.Partners);
        return proto;
    }

    private static ModelVariable ToProto(this VariableSpec v) => new()
    {
        Indicator = v.Indicator,
        Transform = v.Transform switch
        {
            TransformKind.Log => VariableTransform.Log,
            TransformKind.Log1p => VariableTransform.Log1P,
            TransformKind.Difference => VariableTransform.Difference,
            _ => v.Lag == 0 ? VariableTransform.Level : VariableTransform.Lag,
        },
        Lag = v.Lag,
        Side = v.Side switch
        {
            SideKind.Partner => VariableSide.Partner,
            SideKind.Pair => VariableSide.Pair,
            _ => VariableSide.Reporter,
        },
    };
}
