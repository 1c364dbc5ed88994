using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class SeriesCommand
{
    public static Command Create()
    {
        Argument<string> economy = new("economy") { Description = "Economy code, e.g. CHN" };
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. pop" };
        Option<string> partner = new("--partner") { Description = "Partner economy of a bilateral series" };
        Option<int> from = new("--from") { Description = "First year" };
        Option<int> to = new("--to") { Description = "Last year" };
        Command command = new("series", "Print one series with each value's provenance") { economy, indicator, partner, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            GetSeriesResponse response = await client.GetSeriesAsync(new GetSeriesRequest
            {
                Economy = parse.GetValue(economy) ?? string.Empty,
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Partner = parse.GetValue(partner) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            }, cancellationToken: ct);
            Series s = response.Series;
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["year", "value", "provenance", "source"],
                s.Observations.Select(o => new[] { o.Year.ToString(CultureInfo.InvariantCulture), ResultWriter.Number(o.Value), ProvenanceText.Of(o.Provenance), o.Source }),
                $"{s.Economy} {s.Indicator}{(s.Partner.Length > 0 ? " → " + s.Partner : "")}{(s.Unit.Length > 0 ? $" ({s.Unit})" : "")}");
            return 0;
        });
        return command;
    }
}
