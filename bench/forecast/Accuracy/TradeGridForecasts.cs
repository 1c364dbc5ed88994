using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>
/// Every TradeGrid method's point forecast of one case, through Forecaster's default specifications. Combinations
/// take their components from the forecasts already made for the same case (as the economy grain does), so
/// ETS and ARIMA are fitted once per series. A method that refuses the series (too short for it, or not positive
/// for a log method) gives null; the report counts those and scores naive in their place, as M4 required a
/// forecast for every series.
/// </summary>
internal static class TradeGridForecasts
{
    private static readonly double[] Levels = [80.0, 95.0];

    public static IReadOnlyList<string> Methods { get; } = Forecaster.MethodNames;

    public static Dictionary<string, double[]?> For(HoldoutCase c)
    {
        var components = new Dictionary<string, ForecastResult?>(StringComparer.Ordinal);
        ForecastResult? Component(IForecaster forecaster)
        {
            if (!components.TryGetValue(forecaster.Name, out ForecastResult? result))
            {
                result = Try(() => forecaster.Forecast(c.Train, c.Test.Length, Levels));
                components[forecaster.Name] = result;
            }
            return result;
        }

        var points = new Dictionary<string, double[]?>(StringComparer.Ordinal);
        foreach (string name in Methods)
        {
            IForecaster forecaster = Forecaster.Create(Forecaster.Parse(name));
            ForecastResult? result = forecaster switch
            {
                CombinationForecaster mean => Try(() => mean.Forecast(c.Train, c.Test.Length, Levels, f => Component(f) ?? throw new InsufficientDataException(f.Name))),
                MedianCombinationForecaster median => Try(() => median.Forecast(c.Train, c.Test.Length, Levels, f => Component(f) ?? throw new InsufficientDataException(f.Name))),
                _ => Component(forecaster),
            };
            points[name] = result?.Point;
        }
        return points;
    }

    private static ForecastResult? Try(Func<ForecastResult> forecast)
    {
        try
        {
            return forecast();
        }
        catch (InsufficientDataException)
        {
            return null;
        }
        catch (InvalidSpecException)
        {
            return null;
        }
    }
}
