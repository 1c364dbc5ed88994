using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Support;

/// <summary>A panel fetched through GetPanel, for building the same rows in the test as the grains build on the server.</summary>
public sealed class PanelTable
{
    private readonly Dictionary<(string Economy, string Indicator, string Partner), SortedDictionary<int, double>> _values = [];

    public IReadOnlyCollection<string> Economies => _values.Keys.Select(k => k.Economy).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static async Task<PanelTable> LoadAsync(DataService.DataServiceClient client, IEnumerable<string> economies, IEnumerable<string> indicators, string partner = "", string group = "")
    {
        var request = new GetPanelRequest { Partner = partner, Group = group };
        request.Economies.AddRange(economies);
        request.Indicators.AddRange(indicators);
        var table = new PanelTable();
        using AsyncServerStreamingCall<GetPanelResponse> call = client.GetPanel(request);
        await foreach (GetPanelResponse part in call.ResponseStream.ReadAllAsync())
        {
            foreach (Series s in part.Series)
            {
                table._values[(s.Economy, s.Indicator, s.Partner)] = new SortedDictionary<int, double>(s.Observations.ToDictionary(o => o.Year, o => o.Value));
            }
        }
        return table;
    }

    public void Add(PanelTable other)
    {
        foreach (var (key, values) in other._values)
        {
            _values[key] = values;
        }
    }

    public double? Value(string economy, string indicator, int year, string partner = "") =>
        _values.TryGetValue((economy, indicator, partner), out SortedDictionary<int, double>? series) && series.TryGetValue(year, out double v) ? v : null;

    public IEnumerable<int> Years(string economy, string indicator, string partner = "") =>
        _values.TryGetValue((economy, indicator, partner), out SortedDictionary<int, double>? series) ? series.Keys : [];
}
