using System.CommandLine;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands;

/// <summary>
/// world: the ITC Box 2 pipeline (fill, fit the share model, extrapolate, scale to the world) for a range of years;
/// prints per year the covered shares, the counts by coverage and the world estimate with its interval, and can
/// write that table and the per-economy rows as CSV files.
/// </summary>
internal static class WorldCommand
{
    public static Command Create()
    {
        Option<string> preset = new("--preset") { Description = "itc-box2 (the default): the default dataset's codes" };
        Option<string> share = new("--share") { Description = "Share of digital trade in the economy's trade (indicator)" };
        Option<string> unit = new("--share-unit") { Description = "fraction or percent" };
        Option<string> trade = new("--trade") { Description = "Total trade (indicator)" };
        Option<string> gdp = new("--gdp") { Description = "GDP (indicator)" };
        Option<string[]> drivers = new("--drivers", "-x") { Description = "Drivers of logit(share): log(cgdpo), openness, log1p(x)", AllowMultipleArgumentsPerToken = true };
        Option<int> from = new("--from") { Description = "First year (default: the first with a reported share)" };
        Option<int> to = new("--to") { Description = "Last year" };
        Option<int> maxAge = new("--max-age") { Description = "Drivers, GDP and trade as of up to this many years before" };
        Option<string> scaling = new("--scaling") { Description = "mean (of the GDP and trade shares; default), gdp or trade" };
        Option<double> level = new("--level") { Description = "Interval level (default 0.95)" };
        Option<string[]> hide = new("--hide") { Description = "Economies whose reported share is set aside and predicted", AllowMultipleArgumentsPerToken = true };
        Option<string> world = new("--world") { Description = "Economy holding world GDP and trade (default WLD, else sums)" };
        Option<string[]> economies = new("--economies") { Description = "Universe of economies (default: every economy)", AllowMultipleArgumentsPerToken = true };
        Option<string[]> groups = new("--groups") { Description = "Groups making the universe", AllowMultipleArgumentsPerToken = true };
        Option<bool> noFill = new("--no-fill") { Description = "Do not carry single-year shares to other years by trade growth" };
        Option<bool> store = new("--store") { Description = "Store estimated and filled shares in the economies" };
        Option<bool> median = new("--median-share") { Description = "Predict the median share instead of the mean share" };
        Option<string> requestId = new("--request-id") { Description = "Names the run: the same command with the same id, sent again after a lost server, returns that run's result" };
        Option<FileInfo> csv = new("--csv") { Description = "Also write the per-year table to this CSV file" };
        Option<FileInfo> economiesCsv = new("--economies-csv") { Description = "Also write every economy-year row to this CSV file" };
        Command command = new("world", "Estimate world digital trade (ITC Box 2): fill, fit the share model, extrapolate, scale to the world")
        {
            preset, share, unit, trade, gdp, drivers, from, to, maxAge, scaling, level, hide, world, economies, groups, noFill, store, median, requestId, csv, economiesCsv,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new EstimateWorldRequest
            {
                Preset = parse.GetValue(preset) ?? string.Empty,
                ShareIndicator = parse.GetValue(share) ?? string.Empty,
                TradeIndicator = parse.GetValue(trade) ?? string.Empty,
                GdpIndicator = parse.GetValue(gdp) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                DriverMaxAge = parse.GetValue(maxAge),
                Level = parse.GetValue(level),
                World = parse.GetValue(world) ?? string.Empty,
                SkipFill = parse.GetValue(noFill),
                Store = parse.GetValue(store),
                MedianShare = parse.GetValue(median),
                RequestId = parse.GetValue(requestId) ?? string.Empty,
            };
            request.Hide.AddRange(FitCommand.Split(parse.GetValue(hide)));
            request.Economies.AddRange(FitCommand.Split(parse.GetValue(economies)));
            request.Groups.AddRange(FitCommand.Split(parse.GetValue(groups)));
            try
            {
                request.ShareUnit = FitCommand.Enum(parse.GetValue(unit), ShareUnit.Unspecified);
                request.Scaling = FitCommand.Enum(parse.GetValue(scaling), ScalingVariantKind.Unspecified);
                request.Drivers.AddRange(FitCommand.Split(parse.GetValue(drivers)).Select(FitCommand.Variable));
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error (InvalidArgument): {ex.Message}");
                return ExitCodes.For(Grpc.Core.StatusCode.InvalidArgument);
            }

            var client = new ExtrapolationService.ExtrapolationServiceClient(GlobalOptions.Channel(parse));
            EstimateWorldResponse response = await client.EstimateWorldAsync(request, cancellationToken: ct);
            WorldTable.Write(parse.GetValue(GlobalOptions.Output), response);
            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllLinesAsync(file.FullName, WorldTable.YearsCsv(response), ct);
            }

            if (parse.GetValue(economiesCsv) is { } rowsFile)
            {
                await File.WriteAllLinesAsync(rowsFile.FullName, WorldTable.EconomiesCsv(response), ct);
            }

            return 0;
        });
        return command;
    }
}
