using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using Xunit.Abstractions;

namespace TradeGrid.Api.Tests.Soak;

/// <summary>
/// A 60-second soak at a low rate (one call every 40 ms, at most 16 in flight) with the load bench's mix (85% series
/// and panels, 10% growth and forecasts, 4% fits, 1% imports), authenticated: no call may fail, and the managed heap
/// may not grow past a ceiling. The ceiling is generous and fixed, not a rate: <see cref="HeapGrowthCeilingBytes"/>.
/// How many calls fit in the minute depends on the machine and is reported, not asserted.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(SoakServer server, ITestOutputHelper output) : IClassFixture<SoakServer>
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);
    private const int MaxInFlight = 16;

    /// <summary>
    /// 64 MiB of heap growth, after full collections, from the end of the warm-up to any later sample. What the workload
    /// may rightly keep is small: a cached fit per new spec (at most ~40 in a minute, each a few KiB), the rows of
    /// ~15 one-row imports and their audit entries. A leak of what one call touches (its request, response or
    /// HttpContext, tens of KiB) over the ~1,500 calls of a minute passes the ceiling.
    /// </summary>
    private const long HeapGrowthCeilingBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task A_minute_of_mixed_authenticated_load_has_no_errors_and_bounded_memory()
    {
        var errors = new List<string>();
        var heap = new List<(double Seconds, long Bytes)>();
        CallInvoker reader = Invoker(Roles.Reader);
        CallInvoker writer = Invoker(Roles.Writer);
        var random = new Random(18);
        var inFlight = new SemaphoreSlim(MaxInFlight);
        var calls = new List<Task>();
        long? baseline = null;
        int count = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan nextSample = WarmUp;
        using var timer = new PeriodicTimer(Pace);
        while (clock.Elapsed < Duration && await timer.WaitForNextTickAsync())
        {
            if (clock.Elapsed >= nextSample)
            {
                long bytes = GC.GetTotalMemory(forceFullCollection: true);
                baseline ??= bytes;
                heap.Add((clock.Elapsed.TotalSeconds, bytes));
                nextSample += TimeSpan.FromSeconds(10);
            }
            await inFlight.WaitAsync();
            double draw = random.NextDouble();
            int n = count++;
            calls.Add(Task.Run(async () =>
            {
                try
                {
                    await CallAsync(draw, n, reader, writer);
                }
                catch (RpcException ex)
                {
                    lock (errors)
                    {
                        errors.Add($"call {n} ({draw:F3}): {ex.StatusCode} {ex.Status.Detail}");
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }
        await Task.WhenAll(calls);
        long end = GC.GetTotalMemory(forceFullCollection: true);
        heap.Add((clock.Elapsed.TotalSeconds, end));
        long growth = heap.Max(h => h.Bytes) - (baseline ?? end);
        output.WriteLine($"{count} calls in {clock.Elapsed.TotalSeconds:F0} s; heap after full GC (MiB) every 10 s: "
            + string.Join(", ", heap.Select(h => (h.Bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)))
            + $"; working set {Environment.WorkingSet / 1048576} MiB");

        Assert.True(count > 0, "the soak made no call");
        Assert.True(errors.Count == 0, $"{errors.Count} of {count} calls failed, e.g.: {string.Join(" | ", errors.Take(5))}");
        Assert.True(growth <= HeapGrowthCeilingBytes, $"the heap grew by {growth / 1048576.0:F1} MiB after the warm-up, over the {HeapGrowthCeilingBytes / 1048576} MiB ceiling");
    }

    private static readonly string[] Economies = ["USA", "CHN", "JPN", "DEU", "IND", "BRA", "FRA", "GBR", "IDN", "KOR", "MEX", "AUS"];

    private static async Task CallAsync(double draw, int n, CallInvoker reader, CallInvoker writer)
    {
        string economy = Economies[n % Economies.Length];
        switch (draw)
        {
            case < 0.75:
                await new DataService.DataServiceClient(reader).GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = "pop", From = 1990, To = 2017 });
                break;
            case < 0.85:
                var panel = new GetPanelRequest { Group = "ASEAN", From = 2010, To = 2017 };
                panel.Indicators.Add("pop");
                using (AsyncServerStreamingCall<GetPanelResponse> call = new DataService.DataServiceClient(reader).GetPanel(panel))
                {
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }
                }
                break;
            case < 0.90:
                await new DescribeService.DescribeServiceClient(reader).GrowthAsync(new GrowthRequest { Economy = economy, Indicator = "rgdpna", From = 2000, To = 2017 });
                break;
            case < 0.95:
                await new ForecastService.ForecastServiceClient(reader).ForecastAsync(new ForecastRequest { Economy = economy, Indicator = "pop", Method = "drift", Horizon = 5 });
                break;
            case < 0.99:
                // Half a spec seen before (the fit cache answers), half a new sample window.
                int from = draw < 0.97 ? 1990 : 1970 + n % 20;
                await new EstimateService.EstimateServiceClient(reader).FitAsync(new FitRequest { Spec = Estimation.Specs.Pwt("RCEP", from, 2017, FixedEffectsKind.Unspecified, CovarianceType.Hc1) });
                break;
            default:
                await new DataService.DataServiceClient(writer).ImportAsync($"economy,indicator,year,value\nXSK,soak_x,2017,{n}\n", createEconomies: true);
                break;
        }
    }

    private CallInvoker Invoker(string role) => server.Channel.WithApiKey(server.Keys[role]);
}
