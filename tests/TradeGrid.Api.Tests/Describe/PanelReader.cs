using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

/// <summary>Reads series back through DataService.GetPanel, so describe answers can be checked against an independent computation.</summary>
public static class PanelReader
{
    /// <summary>(economy, indicator) → year → value for a group's members (or named economies) over [from, to].</summary>
    public static async Task<Dictionary<(string Economy, string Indicator), Dictionary<int, double>>> ReadAsync(
        DataService.DataServiceClient data, string group, string[] indicators, int from, int to, params string[] economies)
    {
        var request = new GetPanelRequest { Group = group, From = from, To = to };
        request.Indicators.AddRange(indicators);
        request.Economies.AddRange(economies);
        var panel = new Dictionary<(string, string), Dictionary<int, double>>();
        using AsyncServerStreamingCall<GetPanelResponse> call = data.GetPanel(request);
        await foreach (GetPanelResponse part in call.ResponseStream.ReadAllAsync())
        {
            foreach (Series s in part.Series)
            {
                panel[(s.Economy, s.Indicator)] = s.Observations.ToDictionary(o => o.Year, o => o.Value);
            }
        }
        return panel;
    }

    public static double? At(this Dictionary<(string Economy, string Indicator), Dictionary<int, double>> panel, string economy, string indicator, int year) =>
        panel.TryGetValue((economy, indicator), out Dictionary<int, double>? series) && series.TryGetValue(year, out double value) ? value : null;
}
