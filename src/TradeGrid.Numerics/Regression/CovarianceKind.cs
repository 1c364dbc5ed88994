namespace TradeGrid.Numerics.Regression;

/// <summary>
/// How the coefficient covariance is estimated. The small-sample factors follow Stata (and R's
/// sandwich/plm where they agree); docs/estimation-service.md lists them per estimator.
/// </summary>
public enum CovarianceKind
{
    /// <summary>s²(X'X)⁻¹ (OLS, FE); for PPML the model-based (X'WX)⁻¹. Student t with the residual df.</summary>
    Classical = 0,

    /// <summary>White's sandwich without a small-sample factor (sandwich::vcovHC type "HC0").</summary>
    Hc0 = 1,

    /// <summary>White's sandwich times N/(N−K) (sandwich::vcovHC type "HC1", Stata's vce(robust)).</summary>
    Hc1 = 2,

    /// <summary>Cluster-robust with factor G/(G−1) only, as ppmlhdfe reports. Student t with G−1 df.</summary>
    ClusterCr0 = 3,

    /// <summary>Cluster-robust with Stata's factor G/(G−1)·(N−1)/(N−K) (vce(cluster)). Student t with G−1 df.</summary>
    ClusterCr1 = 4,
}
