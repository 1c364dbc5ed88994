namespace TradeGrid.Numerics.Forecasting;

/// <summary>How <see cref="CombinationForecaster"/> weighs its components.</summary>
public enum CombinationWeights
{
    /// <summary>Every component the same (after trimming, if any).</summary>
    Equal,

    /// <summary>
    /// Each component in proportion to the inverse of its in-sample one-step mean squared error (over the fitted values
    /// it reports), normalised to sum to one: Bates and Granger's (1969) weights without the error covariances, which
    /// 8 to 40 points cannot estimate. Equal weights when a component has no finite, positive error.
    /// </summary>
    InverseInSampleMse,
}
