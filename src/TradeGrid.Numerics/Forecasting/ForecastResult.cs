namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// One method's forecast of one series: point forecasts and prediction intervals for every requested level,
/// with the fitted parameters and in-sample fit information. Plain arrays, doubles and strings so it can be
/// wrapped for a grain call without knowing the method.
/// </summary>
/// <param name="Method">The method's short name ("naive", "drift", "cagr", "linear", "loglinear", "ets", "arima", "theta", "combination").</param>
/// <param name="Model">The fitted model as R prints it, e.g. "ETS(M,Ad,N)" or "ARIMA(0,1,1) with drift".</param>
/// <param name="ParameterNames">Names of <paramref name="Parameters"/>, R's names where R has them ("alpha", "ar1", "drift").</param>
/// <param name="Parameters">Fitted parameters, same order as the names.</param>
/// <param name="Point">Point forecasts for horizons 1..h.</param>
/// <param name="Levels">Interval levels in percent, in the caller's order.</param>
/// <param name="Lower">Lower bounds: Lower[level index][horizon index].</param>
/// <param name="Upper">Upper bounds: Upper[level index][horizon index].</param>
/// <param name="Fitted">In-sample one-step fitted values (NaN where the method has none, e.g. the first naive value).</param>
/// <param name="Sigma2">Innovation variance on the scale the model was fitted (log scale for log methods).</param>
/// <param name="LogLikelihood">Log-likelihood as R reports it; NaN where the method has none.</param>
/// <param name="Aicc">Corrected AIC as R reports it; NaN where the method has none.</param>
/// <param name="Observations">Number of observations used.</param>
public sealed record ForecastResult(
    string Method,
    string Model,
    string[] ParameterNames,
    double[] Parameters,
    double[] Point,
    double[] Levels,
    double[][] Lower,
    double[][] Upper,
    double[] Fitted,
    double Sigma2,
    double LogLikelihood,
    double Aicc,
    int Observations);
