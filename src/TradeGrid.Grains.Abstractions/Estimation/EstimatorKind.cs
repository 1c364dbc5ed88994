namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Which estimator a fit uses.</summary>
[GenerateSerializer, Alias("TradeGrid.EstimatorKind")]
public enum EstimatorKind
{
    Ols = 0,
    Ppml = 1,
}
