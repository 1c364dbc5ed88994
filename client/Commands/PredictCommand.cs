using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary>
/// predict: predictions from a fit (its id, as fit prints it) for the economies and years that lack the dependent:
/// point, standard error and prediction interval per economy and year; economies that cannot be predicted, with why.
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        Argument<string> fitId = new("fit-id") { Description = "The fit's id (16 hex digits, printed by fit)" };
        Option<string[]> economies = new("--economies", "-e") { Description = "Economies to predict for (default: every economy)", AllowMultipleArgumentsPerToken = true };
        Option<string[]> groups = new("--groups") { Description = "Groups whose members to predict for", AllowMultipleArgumentsPerToken = true };
        Option<int> from = new("--from") { Description = "First year (default: the fit's)" };
        Option<int> to = new("--to") { Description = "Last year (default: the fit's)" };
        Option<double> level = new("--level") { Description = "Interval level, e.g. 0.9 (default 0.95)" };
        Option<string> correction = new("--correction") { Description = "Log models: smearing (default), normal or none" };
        Option<bool> includeObserved = new("--include-observed") { Description = "Predict years with a reported value too" };
        Option<bool> forbidRefit = new("--forbid-refit") { Description = "Refuse instead of refitting when the fit's data changed" };
        Option<bool> store = new("--store") { Description = "Store the predictions as estimated values citing the fit" };
        Command command = new("predict", "Predict a fitted dependent, with standard errors and prediction intervals, where it is missing")
        {
            fitId, economies, groups, from, to, level, correction, includeObserved, forbidRefit, store,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new PredictRequest
            {
                FitId = parse.GetValue(fitId) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Level = parse.GetValue(level),
                IncludeObserved = parse.GetValue(includeObserved),
                ForbidRefit = parse.GetValue(forbidRefit),
                Store = parse.GetValue(store),
            };
            request.Economies.AddRange(FitCommand.Split(parse.GetValue(economies)));
            request.Groups.AddRange(FitCommand.Split(parse.GetValue(groups)));
            try
            {
                request.Correction = FitCommand.Enum(parse.GetValue(correction), BiasCorrectionKind.Unspecified);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error (InvalidArgument): --correction: {ex.Message}");
                return ExitCodes.For(Grpc.Core.StatusCode.InvalidArgument);
            }

            var client = new ExtrapolationService.ExtrapolationServiceClient(GlobalOptions.Channel(parse));
            PredictResponse response = await client.PredictAsync(request, cancellationToken: ct);
            Write(parse.GetValue(GlobalOptions.Output), response);
            return 0;
        });
        return command;
    }

    private static void Write(OutputFormat format, PredictResponse response)
    {
        string pct = (response.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
        string[] headers = format == OutputFormat.Table
            ? ["economy", "year", "point", "SE", "SE new", $"{pct}% PI low", "high", "observed"]
            : ["economy", "year", "point", "se_mean", "se_new", $"pi_lower_{pct}", $"pi_upper_{pct}", "mean_lower", "mean_upper", "observed"];
        IEnumerable<string[]> rows = response.Predictions.Select(p => format == OutputFormat.Table
            ? new[] { p.Economy, Year(p.Year), G(p.Point), G(p.SeMean), G(p.SeNew), G(p.Lower), G(p.Upper), p.HasObserved ? G(p.Observed) : "" }
            : [p.Economy, Year(p.Year), ResultWriter.Number(p.Point), ResultWriter.Number(p.SeMean), ResultWriter.Number(p.SeNew),
                ResultWriter.Number(p.Lower), ResultWriter.Number(p.Upper), ResultWriter.Number(p.MeanLower), ResultWriter.Number(p.MeanUpper),
                p.HasObserved ? ResultWriter.Number(p.Observed) : ""]);
        string title = $"fit {response.FitId}: {response.Scale} scale"
            + (response.Correction.Length > 0 ? $", {response.Correction} correction (factor {G(response.CorrectionFactor)})" : "")
            + (response.Refitted ? ", refitted (its data had changed)" : "");
        ResultWriter.Write(format, response, headers, rows, title);
        if (format != OutputFormat.Table)
        {
            return;
        }

        if (response.EffectsRule != "none")
        {
            Console.Out.WriteLine($"fixed effects: {response.EffectsRule} (fit {response.FitId}, from {response.RequestedFitId})");
        }

        foreach (IGrouping<string, NotPredictable> economy in response.NotPredictable.GroupBy(n => n.Reason).Take(20))
        {
            string who = string.Join(", ", economy.Take(8).Select(n => n.Year == 0 ? n.Economy : $"{n.Economy} {n.Year}"));
            Console.Out.WriteLine($"not predictable ({economy.Count()}): {economy.Key}: {who}{(economy.Count() > 8 ? ", …" : "")}");
        }

        if (response.Stored > 0)
        {
            Console.Out.WriteLine($"stored {response.Stored} estimated values in {response.Versions.Count} economies");
        }
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string G(double value) => CompactNumber.Format(value);
}
