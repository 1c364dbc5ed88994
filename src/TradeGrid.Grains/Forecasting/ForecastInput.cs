using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// The values a forecast is fitted on: the series' observed values (every provenance but forecast: a forecast is
/// never fitted on earlier forecasts) in the training window, which must be a run of consecutive years.
/// </summary>
internal sealed record ForecastInput(int FirstYear, int LastYear, double[] Values)
{
    public static ForecastInput From(string economy, SeriesRecord series, ForecastSpec spec)
    {
        string name = Name(economy, spec);
        var years = new List<int>(series.Years.Length);
        var values = new List<double>(series.Years.Length);
        for (int i = 0; i < series.Years.Length; i++)
        {
            if (series.Provenance[i] == (byte)Provenance.Forecast)
            {
                continue;
            }
            if ((spec.TrainStart == 0 || series.Years[i] >= spec.TrainStart) && (spec.TrainEnd == 0 || series.Years[i] <= spec.TrainEnd))
            {
                years.Add(series.Years[i]);
                values.Add(series.Values[i]);
            }
        }
        if (years.Count == 0)
        {
            throw new InsufficientDataException(
                $"{name} has no observed values{Window(spec)}; see GetEconomy for the years it covers.");
        }
        int[] missing = Enumerable.Range(years[0], years[^1] - years[0] + 1).Except(years).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidSpecException(
                $"{name} has missing years inside {years[0]}–{years[^1]} ({Years(missing)}); fill them first (interpolate, or import the values) " +
                $"or set train_start after the gap.");
        }
        return new ForecastInput(years[0], years[^1], values.ToArray());
    }

    /// <summary>The last year whose value is not a forecast; 0 when there is none.</summary>
    public static int LastObservedYear(SeriesRecord series)
    {
        for (int i = series.Years.Length - 1; i >= 0; i--)
        {
            if (series.Provenance[i] != (byte)Provenance.Forecast)
            {
                return series.Years[i];
            }
        }
        return 0;
    }

    public static string Name(string economy, ForecastSpec spec) =>
        $"{economy} {spec.Indicator}{(spec.Partner.Length > 0 ? " → " + spec.Partner : string.Empty)}";

    private static string Window(ForecastSpec spec) => (spec.TrainStart, spec.TrainEnd) switch
    {
        (0, 0) => string.Empty,
        (0, int end) => $" up to {end}",
        (int start, 0) => $" from {start}",
        (int start, int end) => $" in {start}–{end}",
    };

    private static string Years(int[] missing) =>
        missing.Length <= 6 ? string.Join(", ", missing) : string.Join(", ", missing.Take(5)) + $", … ({missing.Length} years)";
}
