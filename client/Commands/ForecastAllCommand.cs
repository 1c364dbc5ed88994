using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Spectre.Console;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class ForecastAllCommand
{
    public static Command Create()
    {
        Option<string> indicator = new("--indicator") { Description = "Indicator code", Required = true };
        Option<string> group = new("--group") { Description = "Group whose members are forecast (default WLD: every economy)" };
        Option<string[]> economies = new("--economies") { Description = "Economy codes (added to the group's members)", AllowMultipleArgumentsPerToken = true };
        Option<string> partner = new("--partner") { Description = "Partner economy of a bilateral series" };
        var options = new ForecastOptions();
        Command command = new("forecast-all", "Forecast an indicator for every economy (or a group's members) in parallel") { indicator, group, economies, partner };
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            var client = new ForecastService.ForecastServiceClient(GlobalOptions.Channel(parse));
            var request = new ForecastAllRequest
            {
                Indicator = parse.GetRequiredValue(indicator),
                Group = parse.GetValue(group) ?? string.Empty,
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
            request.Economies.AddRange((parse.GetValue(economies) ?? [])
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            request.Levels.AddRange(parse.GetValue(options.Levels) ?? []);

            var results = new List<EconomyForecast>();
            JobProgress last = new();
            // The bar goes to stderr so that CSV or JSON on stdout stays clean.
            IAnsiConsole status = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await status.Progress().StartAsync(async ctx =>
            {
                ProgressTask bar = ctx.AddTask($"Forecasting {request.Indicator}", maxValue: 1.0);
                using AsyncServerStreamingCall<ForecastAllResponse> call = client.ForecastAll(request, cancellationToken: ct);
                await foreach (ForecastAllResponse m in call.ResponseStream.ReadAllAsync(ct))
                {
                    switch (m.EventCase)
                    {
                        case ForecastAllResponse.EventOneofCase.Job:
                            // If the stream breaks, `forecast-job ID` (GetForecastJob) fetches the whole result once the job completes.
                            Console.Error.WriteLine($"job {m.Job.JobId}");
                            break;
                        case ForecastAllResponse.EventOneofCase.Progress:
                            bar.Value = m.Progress.Fraction;
                            last = m.Progress;
                            break;
                        case ForecastAllResponse.EventOneofCase.Result:
                            results.Add(m.Result);
                            break;
                        case ForecastAllResponse.EventOneofCase.Write:
                            Console.Error.WriteLine($"write {m.Write.WriteId}: committed (sequence {m.Write.Sequence})");
                            break;
                    }
                }
            });

            Write(parse.GetValue(GlobalOptions.Output), results, last);
            foreach (EconomyForecast skipped in results.Where(r => r.Forecast is null).OrderBy(r => r.Economy, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"skipped {skipped.Economy}: {skipped.Skipped}");
            }
            Console.Error.WriteLine($"{last.Done - last.Skipped - last.WithoutData} forecast, {last.Skipped} skipped, {last.WithoutData} without data, of {last.Total} economies");
            return 0;
        });
        return command;
    }

    internal static void Write(OutputFormat format, List<EconomyForecast> results, JobProgress last)
    {
        SeriesForecast[] forecasts = results.Where(r => r.Forecast is not null).Select(r => r.Forecast).OrderBy(f => f.Economy, StringComparer.Ordinal).ToArray();
        switch (format)
        {
            case OutputFormat.Json:
                // One JSON object per line (each economy's result, then the final progress): a stream, as the RPC is.
                foreach (EconomyForecast result in results.OrderBy(r => r.Economy, StringComparer.Ordinal))
                {
                    Console.Out.WriteLine(JsonFormatter.Default.Format(result));
                }
                Console.Out.WriteLine(JsonFormatter.Default.Format(last));
                break;
            case OutputFormat.Csv:
                double[] levels = forecasts.FirstOrDefault()?.Levels.ToArray() ?? [];
                ResultWriter.Write(format, last, ForecastOptions.Headers(levels), forecasts.SelectMany(ForecastOptions.Rows));
                break;
            default:
                ResultWriter.Write(format, last, ["economy", "method", "model", "origin", "year", "point", "interval"],
                    forecasts.Select(f => new[]
                    {
                        f.Economy, f.Method, f.Model, f.OriginYear.ToString(CultureInfo.InvariantCulture),
                        f.Points[^1].Year.ToString(CultureInfo.InvariantCulture), ResultWriter.Number(Math.Round(f.Points[^1].Value, 2)),
                        f.Points[^1].Intervals.Count == 0 ? string.Empty
                            : $"{ForecastOptions.Level(f.Points[^1].Intervals[^1].Level)}%: {ResultWriter.Number(Math.Round(f.Points[^1].Intervals[^1].Lower, 2))} – {ResultWriter.Number(Math.Round(f.Points[^1].Intervals[^1].Upper, 2))}",
                    }));
                break;
        }
    }
}
