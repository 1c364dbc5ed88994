using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class PanelCommand
{
    public static Command Create()
    {
        Option<string[]> economies = new("--economies") { Description = "Economy codes (space or comma separated)", AllowMultipleArgumentsPerToken = true };
        Option<string> group = new("--group") { Description = "A group whose members are included, e.g. RCEP (WLD: every economy)" };
        Option<string[]> indicators = new("--indicators") { Description = "Indicator codes", Required = true, AllowMultipleArgumentsPerToken = true };
        Option<int> from = new("--from") { Description = "First year" };
        Option<int> to = new("--to") { Description = "Last year" };
        Command command = new("panel", "Print many economies × indicators, one row per value") { economies, group, indicators, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            var request = new GetPanelRequest { Group = parse.GetValue(group) ?? string.Empty, From = parse.GetValue(from), To = parse.GetValue(to) };
            request.Economies.AddRange(Split(parse.GetValue(economies)));
            request.Indicators.AddRange(Split(parse.GetValue(indicators)));
            var all = new GetPanelResponse();
            using AsyncServerStreamingCall<GetPanelResponse> call = client.GetPanel(request, cancellationToken: ct);
            await foreach (GetPanelResponse part in call.ResponseStream.ReadAllAsync(ct))
            {
                all.Series.AddRange(part.Series);
            }
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), all, ["economy", "indicator", "year", "value", "provenance"],
                all.Series.SelectMany(s => s.Observations.Select(o => new[]
                {
                    s.Economy, s.Indicator, o.Year.ToString(CultureInfo.InvariantCulture), ResultWriter.Number(o.Value), ProvenanceText.Of(o.Provenance),
                })));
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
