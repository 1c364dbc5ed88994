namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>The covariance asked for; cluster kinds cluster by reporter economy (one economy grain = one cluster).</summary>
[GenerateSerializer, Alias("TradeGrid.CovarianceChoice")]
public enum CovarianceChoice
{
    Classical = 0,
    Hc0 = 1,
    Hc1 = 2,
    ClusterCr1 = 3,
    ClusterCr0 = 4,
}
