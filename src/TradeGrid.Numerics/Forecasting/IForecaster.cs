namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// A configured forecasting method. Implementations validate their specification at construction and are
/// stateless afterwards: <see cref="Forecast"/> may be called concurrently on any series.
/// </summary>
public interface IForecaster
{
    /// <summary>Short method name carried into <see cref="ForecastResult.Method"/>.</summary>
    string Name { get; }

    /// <summary>Smallest series length the method accepts.</summary>
    int MinimumObservations { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps ahead with intervals at each level (percent, in (0, 100)).</summary>
    ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels);
}
