using System.Diagnostics;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// Times a model through gRPC <c>Fit</c>: a first call, then <c>runs</c> refits, each at a slightly different
/// confidence level (a new fit id: nothing from cache, every round runs again, the rows are rebuilt in the economies),
/// then the last request once more, which the server serves from its cache. Server CPU: /proc of the silo over each call.
/// </summary>
internal static class ServerFits
{
    public static async Task<ServerTiming> RunAsync(EstimateService.EstimateServiceClient client, string model, BenchOptions options, int serverPid)
    {
        int lastYear = 2000 + BenchOptions.Years - 1;
        FitRequest Request(int call) => ModelSpecs.Request(model, options.Reporters, options.Partners, 2000, lastYear, 0.95 + (0.0001 * call));

        (double firstMs, double firstCpuMs, ModelFit fit) = await TimedAsync(client, Request(0), serverPid);
        var times = new double[options.Runs];
        var cpu = new double[options.Runs];
        var ids = new string[options.Runs];
        for (int run = 0; run < options.Runs; run++)
        {
            (times[run], cpu[run], fit) = await TimedAsync(client, Request(run + 1), serverPid);
            ids[run] = fit.FitId;
            Console.Error.WriteLine($"  server {model} refit {run + 1}: {times[run]:F0} ms, server CPU {cpu[run]:F0} ms");
        }

        (double cachedMs, _, ModelFit cached) = await TimedAsync(client, Request(options.Runs), serverPid);
        return new ServerTiming(model, firstMs, firstCpuMs, times, cpu, ids, cachedMs, cached.FromCache, fit.Observations, fit.Clusters, fit.Iterations,
            fit.Coefficients.Select(c => c.Estimate).ToArray(), fit.Coefficients.Select(c => c.StdError).ToArray());
    }

    private static async Task<(double Ms, double CpuMs, ModelFit Fit)> TimedAsync(EstimateService.EstimateServiceClient client, FitRequest request, int serverPid)
    {
        double cpuBefore = ProcFs.CpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        FitResponse response = await client.FitAsync(request);
        double ms = clock.Elapsed.TotalMilliseconds;
        double cpuMs = (ProcFs.CpuSeconds(serverPid) - cpuBefore) * 1000.0;
        return (ms, cpuMs, response.Fit);
    }
}
