using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>DataService reads: economies, indicators, series and panels.</summary>
public static partial class BadInputCatalogue
{
    private static IEnumerable<BadInput> Data()
    {
        const string Series = "DataService.GetSeries", Panel = "DataService.GetPanel";
        BadInput Read(string id, string rpc, string input, Google.Protobuf.IMessage request, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
            Bad(id, rpc, input, field, fix, code) with { Request = request, Category = "reading data" };

        yield return Read("series-unknown-economy", Series, "economy `XXQ`", new GetSeriesRequest { Economy = "XXQ", Indicator = "rgdpna" }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return Read("series-malformed-economy", Series, "economy `C!N`", new GetSeriesRequest { Economy = "C!N", Indicator = "rgdpna" }, "economy: 'C!N' is not an economy code", "use");
        yield return Read("series-long-economy", Series, "a 5,000-character economy", new GetSeriesRequest { Economy = Repeat('Q', 5000), Indicator = "rgdpna" }, "economy: 'QQQQ", "(5000 characters)");
        yield return Read("series-unknown-indicator", Series, "indicator `GDP_PPP`", new GetSeriesRequest { Economy = "USA", Indicator = "GDP_PPP" }, "indicator: unknown indicator 'GDP_PPP'", "see ListIndicators", StatusCode.NotFound);
        yield return Read("series-malformed-indicator", Series, "indicator `gdp ppp`", new GetSeriesRequest { Economy = "USA", Indicator = "gdp ppp" }, "indicator: 'gdp ppp' is not an indicator code", "use");
        yield return Read("series-unknown-partner", Series, "partner `XXQ`", new GetSeriesRequest { Economy = "USA", Indicator = "rgdpna", Partner = "XXQ" }, "partner: unknown economy 'XXQ'", "see ListEconomies", StatusCode.NotFound);
        yield return Read("series-year-before-range", Series, "from `1500`", new GetSeriesRequest { Economy = "USA", Indicator = "rgdpna", From = 1500 }, "from: 1500 is outside 1800–2200", "give a year in that range");
        yield return Read("series-year-after-range", Series, "to `9999`", new GetSeriesRequest { Economy = "USA", Indicator = "rgdpna", To = 9999 }, "to: 9999 is outside 1800–2200", "give a year in that range");
        yield return Read("series-years-reversed", Series, "from `2010`, to `2000`", new GetSeriesRequest { Economy = "USA", Indicator = "rgdpna", From = 2010, To = 2000 }, "from: 2010 is after to 2000", "swap them");
        yield return Read("getwrite-malformed-id", "WriteService.GetWrite", "write_id `42`", new GetWriteRequest { WriteId = "42" }, "write_id: '42' is not a write id", "send the UUID of a tradegrid-write-id header");
        yield return Read("economy-unknown", "DataService.GetEconomy", "economy `XXQ`", new GetEconomyRequest { Economy = "XXQ" }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return Read("economies-unknown-group", "DataService.ListEconomies", "group `NOPE`", new ListEconomiesRequest { Group = "NOPE" }, "group", "ListGroups", StatusCode.NotFound);
        yield return Read("economies-bad-year", "DataService.ListEconomies", "year `3000`", new ListEconomiesRequest { Year = 3000 }, "year: 3000 is outside 1800–2200", "give a year in that range");
        yield return Read("panel-no-indicators", Panel, "no indicators", new GetPanelRequest { Group = "RCEP" }, "indicators: give between 1 and 200", "indicator codes");
        yield return Read("panel-too-many-indicators", Panel, "201 indicators", Panel201(), "indicators: give between 1 and 200", "indicator codes");
        yield return Read("panel-unknown-indicator", Panel, "indicators `[pop, NOPE]`", new GetPanelRequest { Group = "RCEP", Indicators = { "pop", "NOPE" } }, "indicators[1]: unknown indicator 'NOPE'", "see ListIndicators", StatusCode.NotFound);
        yield return Read("panel-unknown-economy", Panel, "economies `[XXQ]`", new GetPanelRequest { Economies = { "XXQ" }, Indicators = { "pop" } }, "economies[0]: unknown economy 'XXQ'", "see ListEconomies", StatusCode.NotFound);
        yield return Read("panel-no-economies", Panel, "neither economies nor group", new GetPanelRequest { Indicators = { "pop" } }, "economies: name at least one economy", "or a group");
        yield return Read("panel-years-reversed", Panel, "from `2017`, to `2000`", new GetPanelRequest { Group = "RCEP", Indicators = { "pop" }, From = 2017, To = 2000 }, "from: 2017 is after to 2000", "swap them");
        yield return Read("panel-over-cell-limit", Panel, $"WLD × every year × 2 indicators (limit {CatalogueServer.MaxPanelCells} cells)", new GetPanelRequest { Group = "WLD", Indicators = { "pop", "rgdpna" } },
            "economies × years × indicators", "TradeGrid:Limits:MaxPanelCells", StatusCode.ResourceExhausted);
    }

    private static GetPanelRequest Panel201()
    {
        var request = new GetPanelRequest { Group = "RCEP" };
        request.Indicators.AddRange(Enumerable.Range(0, 201).Select(i => $"x{i}"));
        return request;
    }
}
