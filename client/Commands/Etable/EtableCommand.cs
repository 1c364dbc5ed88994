using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Etable;

/// <summary>
/// etable FIT_ID…: several fits side by side, as fixest's etable and Stata's esttab print them (CompareFits rpc).
/// </summary>
internal static class EtableCommand
{
    public static Command Create()
    {
        Argument<string[]> ids = new("fit-ids") { Description = "Fit ids (from fit or ListFits), 1–12", Arity = ArgumentArity.OneOrMore };
        Option<int> width = new("--width") { Description = "Width of the table output in columns (default: $COLUMNS, else 80)" };
        Command command = new("etable", "Print fits side by side: coefficients with SEs and stars, fixed effects, N, clusters, R², covariance")
        {
            ids, width,
        };
        command.SetAction(async (parse, ct) =>
        {
            var client = new EstimateService.EstimateServiceClient(GlobalOptions.Channel(parse));
            var request = new CompareFitsRequest();
            request.FitIds.AddRange(parse.GetValue(ids) ?? []);
            CompareFitsResponse response = await client.CompareFitsAsync(request, cancellationToken: ct);
            EtableModel model = EtableModel.From(response.Fits);
            int columns = parse.GetValue(width) is int w and > 0 ? w : TerminalWidth();
            Console.Out.Write(parse.GetValue(GlobalOptions.Output) switch
            {
                OutputFormat.Json => ResultWriter.JsonText(response) + Environment.NewLine,
                OutputFormat.Csv => EtableText.Csv(model),
                OutputFormat.Markdown => EtableText.Markdown(model),
                OutputFormat.Latex => EtableText.Latex(model),
                _ => EtableText.Plain(model, columns),
            });
            return 0;
        });
        return command;
    }

    /// <summary>$COLUMNS when set (also when piped), else 80.</summary>
    public static int TerminalWidth() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int c) && c >= 20 ? c : 80;
}
