using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Plots;

/// <summary>
/// The fan chart of one scenario series (the world by default): its observed history, then the baseline's and the
/// scenario's medians over the paths with their 50, 80 and 90% bands, each in its own colour. Without paths (or
/// without the quantiles a band needs) the deterministic projections are drawn as lines.
/// </summary>
internal static class ScenarioChart
{
    private static readonly double[] Levels = [90, 80, 50];

    private const int HistoryYears = 30;

    /// <summary>Characters of a label the 600-pixel axis shows at its font size.</summary>
    private const int MaxAxisLabel = 45;

    public static FanChartSpec Spec(ScenarioResult result, ScenarioSeries series)
    {
        int[] years = series.Years.Select(y => y.Year).ToArray();
        string dependent = ValueName(result);
        // The unit on the axis (the title says what the values are): both would not fit the axis's 600 pixels.
        // A long description (a sum of series) does not fit the axis either: then the axis says only that it is the value.
        string axis = result.Unit.Length > 0 ? result.Unit : dependent.Length <= MaxAxisLabel ? dependent : "value (see the title)";
        // A long history would squeeze the fan into the right edge: at most HistoryYears years before the projection.
        YearValue[] history = series.History.Where(h => years.Length == 0 || h.Year >= years[0] - HistoryYears).ToArray();
        string historyLabel = series.Aggregate && series.HistoryNote.Contains("model's value", StringComparison.Ordinal)
            ? "history (observed, else model on observed drivers)"
            : "observed";
        string scaled = series.Economy == "WLD" && result.WorldScaling is not null ? ", scaled to the world" : string.Empty;
        string name = series.Aggregate ? $"{series.Economy} ({series.Members} economies{scaled})" : series.Economy;
        string partner = series.Partner.Length > 0 ? $" → {series.Partner}" : string.Empty;
        string model = result.Spec?.Preset is { Length: > 0 } preset ? preset : result.FitId;
        string paths = result.Paths > 0 ? $"{result.Paths} paths, seed {result.Seed}" : "deterministic";
        return new FanChartSpec(
            $"{name}{partner}: {dependent}, baseline vs scenario\n{model}, {paths}",
            axis,
            new FanLine(historyLabel, history.Select(h => h.Year).ToArray(), history.Select(h => h.Value).ToArray()),
            [
                Fan("baseline", years, series.Years.Select(y => y.Baseline).ToArray(), series.Years.Select(y => y.BaselinePaths).ToArray(), result.Quantiles),
                Fan("scenario", years, series.Years.Select(y => y.Scenario).ToArray(), series.Years.Select(y => y.ScenarioPaths).ToArray(), result.Quantiles),
            ],
            // The axis is built around the data and the deterministic projections, which a simulation gone wrong cannot move.
            history.Select(h => h.Value).Concat(series.Years.SelectMany(y => new[] { y.Baseline, y.Scenario })).ToArray());
    }

    /// <summary>What the values are: the result's own description (a share model's share × weight), else the dependent.</summary>
    public static string ValueName(ScenarioResult result) =>
        result.Value is { Length: > 0 } v ? v
        : result.Fit?.Spec?.Dependent?.Indicator is { Length: > 0 } d ? d : "dependent";

    private static FanSeries Fan(string name, int[] years, double[] deterministic, PathDistribution?[] paths, IReadOnlyList<double> quantiles)
    {
        int median = IndexOf(quantiles, 0.5);
        bool simulated = paths.All(p => p is not null && p.Quantiles.Count == quantiles.Count);
        if (!simulated || median < 0)
        {
            return new FanSeries(name, new FanLine(name, years, deterministic), []);
        }

        var bands = new List<FanBand>();
        foreach (double level in Levels)
        {
            double tail = (1 - level / 100) / 2;
            int lower = IndexOf(quantiles, tail);
            int upper = IndexOf(quantiles, 1 - tail);
            if (lower >= 0 && upper >= 0)
            {
                bands.Add(new FanBand(level, years, paths.Select(p => p!.Quantiles[lower]).ToArray(), paths.Select(p => p!.Quantiles[upper]).ToArray()));
            }
        }
        return new FanSeries(name, new FanLine($"{name} median", years, paths.Select(p => p!.Quantiles[median]).ToArray()), bands);
    }

    // Probabilities come back as sent (0.05, 0.1, …); a tolerance absorbs 1 - 0.95 not being exactly 0.05 in binary.
    private static int IndexOf(IReadOnlyList<double> quantiles, double p)
    {
        for (int i = 0; i < quantiles.Count; i++)
        {
            if (Math.Abs(quantiles[i] - p) < 1e-9)
            {
                return i;
            }
        }
        return -1;
    }
}
