using TradeGrid.Numerics.Forecasting.Arima;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Automatic non-seasonal ARIMA mirroring R's forecast::auto.arima(y) and forecast.Arima (forecast 8.20):
/// KPSS differencing (ndiffs, alpha 0.05), stepwise AICc search with the drift/mean rules, CSS-ML estimation
/// with the exact Kalman-filter likelihood as stats::arima, and predict.Arima's intervals scaled by myarima's σ².
/// </summary>
public sealed class ArimaForecaster : IForecaster
{
    public string Name => "arima";

    /// <summary>Below 5 points the search has no AR or MA order to try (max order = n/3).</summary>
    public int MinimumObservations => 5;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        ArimaFit fit = AutoArima.Select(series);
        return ToResult(fit, series, horizon, levelArray);
    }

    internal static ForecastResult ToResult(ArimaFit fit, double[] series, int horizon, double[] levels)
    {
        int n = series.Length;
        (double[] mean, double[] variance) = fit.StateSpace.Forecast(horizon);
        var se = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            // The regression part: intercept, or drift times the future time index n + h.
            mean[h] += fit.Constant ? (fit.D == 0 ? fit.ConstantValue : fit.ConstantValue * (n + h + 1)) : 0.0;
            se[h] = Math.Sqrt(variance[h] * fit.Sigma2);
        }
        (double[][] lower, double[][] upper) = Intervals.Gaussian(mean, se, levels);
        var fitted = new double[n];
        double[] standardised = fit.Residuals;
        // Fitted values as forecast's fitted.Arima: y − residuals, with arima's (standardised) residuals.
        for (int t = 0; t < n; t++)
        {
            fitted[t] = series[t] - standardised[t];
        }
        return new ForecastResult(
            "arima", fit.ModelString, fit.Names, fit.Coefficients, mean, levels, lower, upper, fitted, fit.Sigma2,
            fit.LogLikelihood, fit.Aicc, n);
    }
}
