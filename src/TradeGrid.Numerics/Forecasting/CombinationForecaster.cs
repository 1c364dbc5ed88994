using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Equal-weight combination of the automatic ETS, ARIMA and Theta forecasts (the "ETS-ARIMA-Theta" benchmark
/// of the M4 competition; forecastHybrid and fable combine the same way). Point forecast: the mean of the three.
/// Intervals: at each level the mean of the three lower bounds and of the three upper bounds. All three
/// intervals are symmetric Gaussian, so this is mean ± z·mean(se): the standard error of an average of
/// perfectly correlated errors, an upper bound on the combination's true spread (component errors are highly
/// but not perfectly correlated), chosen because it needs no cross-covariance estimate from 14 points.
/// </summary>
public sealed class CombinationForecaster : IForecaster
{
    private readonly IForecaster[] _components = [new EtsForecaster(), new ArimaForecaster(), new ThetaForecaster()];

    public string Name => "combination";

    public int MinimumObservations => _components.Max(c => c.MinimumObservations);

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        ForecastResult[] parts = _components.Select(c => c.Forecast(series, horizon, levelArray)).ToArray();

        double[] point = Average(parts.Select(p => p.Point));
        double[][] lower = levelArray.Select((_, i) => Average(parts.Select(p => p.Lower[i]))).ToArray();
        double[][] upper = levelArray.Select((_, i) => Average(parts.Select(p => p.Upper[i]))).ToArray();
        double[] fitted = Average(parts.Select(p => p.Fitted));
        return new ForecastResult(
            Name,
            $"Mean of {string.Join(", ", parts.Select(p => p.Model))}",
            parts.Select(p => $"weight.{p.Method}").ToArray(),
            parts.Select(_ => 1.0 / parts.Length).ToArray(),
            point,
            levelArray,
            lower,
            upper,
            fitted,
            double.NaN,
            double.NaN,
            double.NaN,
            series.Length);
    }

    private static double[] Average(IEnumerable<double[]> rows)
    {
        double[][] all = rows.ToArray();
        var mean = new double[all[0].Length];
        for (int j = 0; j < mean.Length; j++)
        {
            double sum = 0.0;
            foreach (double[] row in all)
            {
                sum += row[j];
            }
            mean[j] = sum / all.Length;
        }
        return mean;
    }
}
