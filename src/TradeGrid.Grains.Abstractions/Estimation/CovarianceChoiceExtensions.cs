using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Maps the choice to the numerics' kind.</summary>
public static class CovarianceChoiceExtensions
{
    public static CovarianceKind ToNumerics(this CovarianceChoice choice) => choice switch
    {
        CovarianceChoice.Classical => CovarianceKind.Classical,
        CovarianceChoice.Hc0 => CovarianceKind.Hc0,
        CovarianceChoice.Hc1 => CovarianceKind.Hc1,
        CovarianceChoice.ClusterCr0 => CovarianceKind.ClusterCr0,
        _ => CovarianceKind.ClusterCr1,
    };

    public static bool IsCluster(this CovarianceChoice choice) => choice is CovarianceChoice.ClusterCr0 or CovarianceChoice.ClusterCr1;
}
