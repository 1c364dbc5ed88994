using TradeGrid.Api.V1;

namespace TradeGrid.Bench.BareServer;

/// <summary>Stored GetSeries answers, keyed by economy and indicator (the request's partner and years are ignored).</summary>
internal sealed class SeriesStore
{
    private readonly Dictionary<string, GetSeriesResponse> _responses;

    private SeriesStore(Dictionary<string, GetSeriesResponse> responses)
    {
        _responses = responses;
    }

    public static SeriesStore Load(IEnumerable<string> files)
    {
        var responses = new Dictionary<string, GetSeriesResponse>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            GetSeriesResponse response = GetSeriesResponse.Parser.ParseFrom(File.ReadAllBytes(file));
            responses[Key(response.Series.Economy, response.Series.Indicator)] = response;
        }
        return new SeriesStore(responses);
    }

    public bool TryGet(string economy, string indicator, out GetSeriesResponse? response) =>
        _responses.TryGetValue(Key(economy, indicator), out response);

    private static string Key(string economy, string indicator) => economy + "\u001f" + indicator;
}
