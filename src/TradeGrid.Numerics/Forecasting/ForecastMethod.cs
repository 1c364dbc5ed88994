namespace TradeGrid.Numerics.Forecasting;

/// <summary>The forecasting methods <see cref="Forecaster"/> dispatches to.</summary>
public enum ForecastMethod
{
    /// <summary>Last value carried forward (forecast::naive).</summary>
    Naive,

    /// <summary>Random walk with drift (forecast::rwf(drift = TRUE)).</summary>
    Drift,

    /// <summary>Compound annual growth over the whole series (see <see cref="CagrForecaster"/>).</summary>
    Cagr,

    /// <summary>Linear trend regression (forecast::tslm(y ~ trend)).</summary>
    LinearTrend,

    /// <summary>Linear trend on log(y), back-transformed (forecast::tslm(y ~ trend, lambda = 0)).</summary>
    LogLinearTrend,

    /// <summary>Exponential smoothing state space model chosen by AICc (forecast::ets).</summary>
    Ets,

    /// <summary>Automatic ARIMA (forecast::auto.arima).</summary>
    Arima,

    /// <summary>Theta method, SES with drift (forecast::thetaf).</summary>
    Theta,

    /// <summary>Mean of the ETS, ARIMA and Theta forecasts (see <see cref="CombinationForecaster"/>).</summary>
    Combination,

    /// <summary>Simple exponential smoothing (forecast::ses).</summary>
    Ses,

    /// <summary>Holt's linear trend method (forecast::holt).</summary>
    Holt,

    /// <summary>Holt's method with a damped trend (forecast::holt(damped = TRUE)).</summary>
    HoltDamped,

    /// <summary>Exponential smoothing with a damped trend, error type chosen by AICc (forecast::ets(damped = TRUE)).</summary>
    EtsDamped,

    /// <summary>Dynamic optimised Theta model (forecTheta::dotm; see <see cref="DynamicOptimisedThetaForecaster"/>).</summary>
    Dotm,

    /// <summary>Median of ETS, ARIMA, DOTM and damped ETS, after SCUM (see <see cref="MedianCombinationForecaster"/>).</summary>
    Scum,

    /// <summary>
    /// The default when the caller names no method: ETS, ARIMA, DOTM, damped ETS and the random walk with drift
    /// weighted by the inverse of their in-sample one-step MSE (<see cref="CombinationForecaster.Weighted"/>; chosen
    /// out of sample, docs/forecasting-service.md, *Third choice*). Before it was the mean of ETS, ARIMA and drift,
    /// still available as <see cref="EtsArimaDrift"/>, and before that the mean of ETS and ARIMA, <see cref="EtsArima"/>. Selection by
    /// rolling-origin holdout, with the caller's horizon and origins, is <see cref="HoldoutSelector"/>.
    /// </summary>
    Auto,

    /// <summary>Mean of automatic ETS and ARIMA (<see cref="CombinationForecaster.EtsArima"/>).</summary>
    EtsArima,

    /// <summary>Mean of automatic ETS, ARIMA and the random walk with drift (<see cref="CombinationForecaster.EtsArimaDrift"/>).</summary>
    EtsArimaDrift,

    /// <summary>Trimmed mean of ETS, ARIMA, DOTM, damped ETS and drift (<see cref="CombinationForecaster.Trimmed"/>).</summary>
    Trimmed,

    /// <summary>
    /// Selection among naive, drift, ETS, ARIMA, Theta and the combinations by rolling-origin sMAPE over the full
    /// horizon on the training data (<see cref="RollingOriginForecaster"/>); intervals from the chosen candidate.
    /// </summary>
    Rolling,

    /// <summary>
    /// Local linear forecasts from a cubic smoothing spline, β by generalised cross-validation (forecast::splinef's
    /// default, method = "gcv"; see <see cref="SplineForecaster"/>).
    /// </summary>
    Spline,

    /// <summary>The same spline, β by maximum likelihood (forecast::splinef(method = "mle")).</summary>
    SplineMle,

    /// <summary>Complex exponential smoothing, non-seasonal (smooth::ces; see <see cref="ComplexExponentialSmoothingForecaster"/>).</summary>
    Ces,

    /// <summary>
    /// SCUM as published: the median of ETS, CES, ARIMA and DOTM (<see cref="MedianCombinationForecaster.Scum"/>);
    /// <see cref="Scum"/> keeps damped ETS in CES's place.
    /// </summary>
    ScumCes,

    /// <summary>
    /// ETS, ARIMA, DOTM, damped ETS and drift weighted by the inverse of their in-sample one-step MSE
    /// (<see cref="CombinationForecaster.Weighted"/>).
    /// </summary>
    Weighted,
}
