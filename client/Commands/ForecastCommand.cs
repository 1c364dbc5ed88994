using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;
using TradeGrid.Cli.Plots;

namespace TradeGrid.Cli.Commands;

internal static class ForecastCommand
{
    public static Command Create()
    {
        Argument<string> economy = new("economy") { Description = "Economy code, e.g. USA" };
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. rgdpna" };
        Option<string> partner = new("--partner") { Description = "Partner economy of a bilateral series" };
        Option<FileInfo> plot = new("--plot") { Description = "Also draw the history, point forecast and intervals to this PNG file" };
        Option<int> plotHistory = new("--plot-history") { Description = "Years of history the plot shows (default 30)", DefaultValueFactory = _ => 30 };
        var options = new ForecastOptions();
        Command command = new("forecast", "Forecast one series with prediction intervals") { economy, indicator, partner, plot, plotHistory };
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            var client = new ForecastService.ForecastServiceClient(GlobalOptions.Channel(parse));
            var request = new ForecastRequest
            {
                Economy = parse.GetValue(economy) ?? string.Empty,
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Partner = parse.GetValue(partner) ?? string.Empty,
                Method = parse.GetValue(options.Method) ?? string.Empty,
                Horizon = parse.GetValue(options.Horizon),
                TrainStart = parse.GetValue(options.TrainStart),
                TrainEnd = parse.GetValue(options.TrainEnd),
                LogScale = parse.GetValue(options.Log),
                Store = parse.GetValue(options.Store),
                HoldoutHorizon = parse.GetValue(options.HoldoutHorizon),
                HoldoutOrigins = parse.GetValue(options.HoldoutOrigins),
            };
            request.Levels.AddRange(parse.GetValue(options.Levels) ?? []);
            ForecastResponse response = await client.ForecastAsync(request, cancellationToken: ct);
            SeriesForecast f = response.Forecast;
            string title = $"{f.Economy} {f.Indicator}: {f.Model}, fitted {f.FirstYear}–{f.OriginYear}" +
                (f.Stored > 0 ? $", {f.Stored} values stored" : string.Empty);
            OutputFormat format = parse.GetValue(GlobalOptions.Output);
            if (format == OutputFormat.Table)
            {
                // People read a narrow table: the series and model go in the title, numbers are rounded (CSV and JSON keep every digit).
                ResultWriter.Write(format, response,
                    ["year", "point", .. f.Levels.SelectMany(l => new[] { $"lo {ForecastOptions.Level(l)}", $"hi {ForecastOptions.Level(l)}" })],
                    f.Points.Select(p => new[] { p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Round(p.Value) }
                        .Concat(p.Intervals.SelectMany(i => new[] { Round(i.Lower), Round(i.Upper) })).ToArray()),
                    title);
            }
            else
            {
                ResultWriter.Write(format, response, ForecastOptions.Headers(f.Levels), ForecastOptions.Rows(f), title);
            }
            if (parse.GetValue(GlobalOptions.Output) == OutputFormat.Table && f.Holdout.Count > 0)
            {
                ResultWriter.Write(OutputFormat.Table, response, ["candidate", "holdout sMAPE", "holdout MASE", "not evaluated because"],
                    f.Holdout.Select(s => new[] { s.Method, ResultWriter.Number(Math.Round(s.Smape, 4)), ResultWriter.Number(Math.Round(s.Mase, 4)), s.Failure }),
                    $"chosen: {f.Method} (lowest {f.Criterion})");
            }
            if (parse.GetValue(plot) is { } file)
            {
                await PlotAsync(parse, f, file, parse.GetValue(plotHistory), ct);
            }
            return 0;
        });
        return command;
    }

    private static async Task PlotAsync(ParseResult parse, SeriesForecast f, FileInfo file, int historyYears, CancellationToken ct)
    {
        var data = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
        GetSeriesResponse history = await data.GetSeriesAsync(new GetSeriesRequest
        {
            Economy = f.Economy,
            Indicator = f.Indicator,
            Partner = f.Partner,
            From = Math.Max(f.FirstYear, f.OriginYear - Math.Max(historyYears, 1) + 1),
            To = f.OriginYear,
        }, cancellationToken: ct);
        FanChart.SavePng(ForecastChart.Spec(f, history.Series), file.FullName);
        // With --output csv|json on stderr, so that stdout stays machine-readable.
        (parse.GetValue(GlobalOptions.Output) == OutputFormat.Table ? Console.Out : Console.Error).WriteLine($"wrote {file.FullName} ({FanChart.DefaultWidth}×{FanChart.DefaultHeight} PNG)");
    }

    private static string Round(double value) => ResultWriter.Number(Math.Round(value, Math.Abs(value) >= 100 ? 1 : 4));
}
