using System.Diagnostics;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// Times a model through gRPC <c>Fit</c>, in this order:
/// <list type="number">
/// <item>the first call after the import (cold: JIT, the coordinator's code, every economy builds its rows);</item>
/// <item><c>runs</c> pairs of (first fit of a new spec, refit of that spec). A new spec moves the sample's first year one
/// year earlier each time (1999, 1998, ...: before the panel's first year, so the rows are the same), which is part of
/// the rows key (<c>DesignSpec.RowsKey</c>): every economy builds its rows again from its stored series, as for any
/// spec an analyst has not fitted before. The refit then changes only the confidence level: a new fit id, so every
/// round runs again, but the economies reuse the rows they kept (the rows key ignores the level); structural gravity
/// (rows gathered to the coordinator) starts from the design the silo kept from the first fit (OLS: the rows with the
/// effects projected out; PPML: the IRLS converged);</item>
/// <item>the last refit's request once more, which the server serves from its cache.</item>
/// </list>
/// Server CPU: /proc of the silo over each call; allocations: the silo's managed-heap counter scraped before and after each
/// call (outside the timer; it counts everything the silo allocated meanwhile, the scrape's own response included).
/// </summary>
internal static class ServerFits
{
    public static async Task<ServerTiming> RunAsync(EstimateService.EstimateServiceClient client, string model, BenchOptions options, int serverPid, SiloMetrics metrics)
    {
        const int firstYear = 2000;
        int lastYear = firstYear + BenchOptions.Years - 1;
        FitRequest Request(int from, double level) => ModelSpecs.Request(model, options.Reporters, options.Partners, from, lastYear, level);

        (double coldMs, double coldCpuMs, _, ModelFit fit) = await TimedAsync(client, Request(firstYear, 0.95), serverPid, metrics);
        var newSpec = new Calls(options.Runs);
        var refit = new Calls(options.Runs);
        FitRequest last = Request(firstYear, 0.95);
        for (int run = 0; run < options.Runs; run++)
        {
            int from = firstYear - 1 - run;
            (newSpec.Ms[run], newSpec.CpuMs[run], newSpec.AllocatedMb[run], fit) = await TimedAsync(client, Request(from, 0.95), serverPid, metrics);
            newSpec.FitIds[run] = fit.FitId;
            last = Request(from, 0.9501);
            (refit.Ms[run], refit.CpuMs[run], refit.AllocatedMb[run], fit) = await TimedAsync(client, last, serverPid, metrics);
            refit.FitIds[run] = fit.FitId;
            Console.Error.WriteLine($"  server {model}: new spec (from {from}) {newSpec.Ms[run]:F0} ms, CPU {newSpec.CpuMs[run]:F0} ms, {newSpec.AllocatedMb[run]:F0} MB; "
                + $"refit (level 0.9501) {refit.Ms[run]:F0} ms, CPU {refit.CpuMs[run]:F0} ms, {refit.AllocatedMb[run]:F0} MB");
        }

        (double cachedMs, _, _, ModelFit cached) = await TimedAsync(client, last, serverPid, metrics);
        return new ServerTiming(model, coldMs, coldCpuMs, newSpec, refit, cachedMs, cached.FromCache, fit.Observations, fit.Clusters, fit.Iterations,
            fit.Coefficients.Select(c => c.Estimate).ToArray(), fit.Coefficients.Select(c => c.StdError).ToArray());
    }

    private static async Task<(double Ms, double CpuMs, double AllocatedMb, ModelFit Fit)> TimedAsync(
        EstimateService.EstimateServiceClient client, FitRequest request, int serverPid, SiloMetrics metrics)
    {
        double allocatedBefore = await metrics.AllocatedBytesAsync();
        double cpuBefore = ProcFs.CpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        FitResponse response = await client.FitAsync(request);
        double ms = clock.Elapsed.TotalMilliseconds;
        double cpuMs = (ProcFs.CpuSeconds(serverPid) - cpuBefore) * 1000.0;
        double allocatedMb = (await metrics.AllocatedBytesAsync() - allocatedBefore) / 1e6;
        return (ms, cpuMs, allocatedMb, response.Fit);
    }
}
