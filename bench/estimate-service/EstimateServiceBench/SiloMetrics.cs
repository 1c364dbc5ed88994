using System.Globalization;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The silo's Prometheus endpoint (<c>--metrics-port</c>), scraped for the runtime's count of bytes allocated on the
/// managed heap so far (<c>dotnet.gc.heap.total_allocated</c> of the <c>System.Runtime</c> meter), all threads.
/// The bench starts the silo with the scrape cache off, so each scrape reads the counter afresh.
/// </summary>
internal sealed class SiloMetrics(int port) : IDisposable
{
    private const string AllocatedSeries = "dotnet_gc_heap_total_allocated";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Bytes allocated by the silo since it started; NaN when the endpoint does not answer or lacks the series.</summary>
    public async Task<double> AllocatedBytesAsync()
    {
        try
        {
            string text = await _http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            foreach (string line in text.Split('\n'))
            {
                if (line.StartsWith(AllocatedSeries, StringComparison.Ordinal))
                {
                    return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (HttpRequestException)
        {
            // No endpoint: the table shows "–".
        }

        return double.NaN;
    }

    public void Dispose() => _http.Dispose();
}
