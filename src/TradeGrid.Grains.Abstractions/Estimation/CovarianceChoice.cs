namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// The covariance asked for; cluster kinds cluster by reporter economy (one economy grain = one cluster).
/// Numbered as the numerics' <see cref="Numerics.Regression.CovarianceKind"/>, member for member, so that a cast where
/// <see cref="CovarianceChoiceExtensions.ToNumerics"/> belongs cannot turn CR1 into CR0.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.CovarianceChoice")]
public enum CovarianceChoice
{
    Classical = 0,
    Hc0 = 1,
    Hc1 = 2,
    ClusterCr0 = 3,
    ClusterCr1 = 4,
}
