using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Plots;

/// <summary>The fan chart of one series forecast: its recent history, the point forecast and one band per interval level.</summary>
internal static class ForecastChart
{
    public static FanChartSpec Spec(SeriesForecast forecast, Series history)
    {
        int[] years = forecast.Points.Select(p => p.Year).ToArray();
        var bands = new List<FanBand>();
        for (int l = 0; l < forecast.Levels.Count; l++)
        {
            bands.Add(new FanBand(
                forecast.Levels[l],
                years,
                forecast.Points.Select(p => p.Intervals[l].Lower).ToArray(),
                forecast.Points.Select(p => p.Intervals[l].Upper).ToArray()));
        }

        string series = forecast.Partner.Length > 0 ? $"{forecast.Economy} {forecast.Indicator} → {forecast.Partner}" : $"{forecast.Economy} {forecast.Indicator}";
        // With auto and a holdout the criterion is set and the method is the winner: say both.
        string method = (forecast.Criterion.Length > 0 && forecast.Method != "auto" ? $"auto → {forecast.Method}" : forecast.Method) +
            (forecast.Model.Length > 0 && forecast.Model != forecast.Method ? $": {forecast.Model}" : string.Empty);
        Observation[] observed = history.Observations.Where(o => o.Year <= forecast.OriginYear).ToArray();
        return new FanChartSpec(
            $"{series} — {method}{(forecast.LogScale ? " (log scale)" : string.Empty)}",
            history.Unit.Length > 0 ? $"{forecast.Indicator} ({history.Unit})" : forecast.Indicator,
            new FanLine("observed", observed.Select(o => o.Year).ToArray(), observed.Select(o => o.Value).ToArray()),
            [new FanSeries("forecast", new FanLine("point forecast", years, forecast.Points.Select(p => p.Value).ToArray()), bands)]);
    }
}
