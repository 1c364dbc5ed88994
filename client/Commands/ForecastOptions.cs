using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary>The options forecast and forecast-all share, and the rows both print.</summary>
internal sealed class ForecastOptions
{
    public Option<string> Method { get; } = new("--method") { Description = "naive, drift, cagr, linear, loglinear, ets, arima, theta, combination, ses, holt, holtdamped, etsdamped, dotm, scum, etsarima, etsarimadrift, trimmed, rolling, spline, splinemle, ces, scumces, weighted or auto (the default: ets, arima, dotm, etsdamped and drift weighted by inverse in-sample MSE)", DefaultValueFactory = _ => "auto" };
    public Option<int> Horizon { get; } = new("--h", "--horizon") { Description = "Years ahead (1–50)", DefaultValueFactory = _ => 6 };
    public Option<double[]> Levels { get; } = new("--levels") { Description = "Interval levels in percent (default 80 95)", AllowMultipleArgumentsPerToken = true };
    public Option<int> TrainStart { get; } = new("--train-start") { Description = "First year to fit on" };
    public Option<int> TrainEnd { get; } = new("--train-end") { Description = "Last year to fit on: the forecast origin" };
    public Option<bool> Log { get; } = new("--log") { Description = "Fit on log(y) (positive series only)" };
    public Option<bool> Store { get; } = new("--store") { Description = "Store the points as forecast values after the last observed year" };

    public Option<int> HoldoutHorizon { get; } = new("--holdout-horizon") { Description = "auto: years forecast from each holdout origin (default 3)" };
    public Option<int> HoldoutOrigins { get; } = new("--holdout-origins") { Description = "auto: number of rolling origins (default 3)" };

    public IEnumerable<Option> All => [Method, Horizon, Levels, TrainStart, TrainEnd, Log, Store, HoldoutHorizon, HoldoutOrigins];

    public static string[] Headers(IReadOnlyList<double> levels) =>
        ["economy", "indicator", "year", "method", "model", "point", .. levels.SelectMany(l => new[] { $"lower_{Level(l)}", $"upper_{Level(l)}" })];

    /// <summary>One row per forecast year: economy, indicator, year, method, model, point, then lower/upper per level.</summary>
    public static IEnumerable<string[]> Rows(SeriesForecast f) => f.Points.Select(p => new[]
    {
        f.Economy, f.Indicator, p.Year.ToString(CultureInfo.InvariantCulture), f.Method, f.Model, ResultWriter.Number(p.Value),
    }.Concat(p.Intervals.SelectMany(i => new[] { ResultWriter.Number(i.Lower), ResultWriter.Number(i.Upper) })).ToArray());

    public static string Level(double level) => level.ToString("0.##", CultureInfo.InvariantCulture);
}
