using System.Diagnostics;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Bench;

/// <summary>
/// One economy's distributions over n paths of 10 years, in-process: the numbers <see cref="PathSummaries"/> holds once
/// every path is in (its buffers: the exact paths up to the limit, the sketches' levels beyond), fed in the server's
/// chunks (2^17 path-years) of synthetic log-normal paths, and the bytes allocated on the way (GC count of this thread:
/// the summaries' buffers and the Finish; the synthetic chunks are made before the timer and not counted).
/// </summary>
internal static class ScenarioSummaryMemory
{
    private const int Years = 10;

    public static (long HeldBytes, long AllocatedBytes, double CpuMs) Measure(int paths)
    {
        int chunk = (1 << 17) / Years / 4 * 4;
        var random = new Random(7);
        var chunks = new List<(PathColumns Block, int Count)>();
        for (int at = 0; at < paths; at += chunk)
        {
            int count = Math.Min(chunk, paths - at);
            var b = new double[count * Years];
            var s = new double[count * Years];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = Math.Exp(random.NextDouble());
                s[i] = b[i] * 1.1;
            }

            chunks.Add((PathColumns.FromRows(b, s, Years), count));
        }

        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var summaries = new PathSummaries(Years, paths);
        foreach ((PathColumns block, int count) in chunks)
        {
            summaries.Add(block, count);
        }

        _ = summaries.Finish([0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]);
        long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        // Exact with one chunk: the summaries keep the chunk's own arrays (the grain's), so count them as held.
        return (summaries.Capacity * sizeof(double), allocatedBytes, cpuMs);
    }
}
