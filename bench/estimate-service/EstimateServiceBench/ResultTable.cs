using System.Globalization;
using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>The Markdown tables of a run: server beside library per model, then the server's first, cached and row counts.</summary>
internal static class ResultTable
{
    /// <summary>The tables; <paramref name="roundsMs"/> is the coordinator's time per fit id from the silo's log.</summary>

    public static IEnumerable<string> Render(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, double> roundsMs)
    {
        yield return "| model | server wall ms, median (min–max) | server CPU ms, median | library wall ms, median (min–max) | library CPU ms, median | server / library (wall) | max rel. diff. β, SE | load avg (server; library) |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---|";
        foreach (ResultRow row in rows)
        {
            ServerTiming s = row.Server;
            ModelResult l = row.Library;
            // The library's OLS leaves out the intercept (as R's fixtures do); the server's lists it first.
            double[] beta = s.Coefficients[^l.Coefficients.Length..];
            double[] se = s.StandardErrors[^l.StandardErrors.Length..];
            yield return $"| {s.Model} | {F(s.MedianMs)} ({F(s.TimesMs.Min())}–{F(s.TimesMs.Max())}) | {F(s.MedianCpuMs)} | "
                + $"{F(l.MedianMs)} ({F(l.TimesMs.Min())}–{F(l.TimesMs.Max())}) | {F(l.MedianCpuMs)} | {(s.MedianMs / l.MedianMs).ToString("F1", CultureInfo.InvariantCulture)} | "
                + $"{E(Statistics.MaxRelativeDifference(beta, l.Coefficients))}, {E(Statistics.MaxRelativeDifference(se, l.StandardErrors))} | "
                + $"{row.ServerLoad}; {row.LibraryLoad} |";
        }

        yield return string.Empty;
        yield return "| model | server refits: coordinator's rounds ms, median (silo log) | server first fit ms (CPU ms) | served from cache ms | N | clusters | IRLS iterations |";
        yield return "|---|---:|---:|---:|---:|---:|---:|";
        foreach (ResultRow row in rows)
        {
            ServerTiming s = row.Server;
            double[] rounds = s.FitIds.Where(roundsMs.ContainsKey).Select(id => roundsMs[id]).ToArray();
            yield return $"| {s.Model} | {(rounds.Length == 0 ? "–" : F(Statistics.Median(rounds)))} | {F(s.FirstMs)} ({F(s.FirstCpuMs)}) | {F(s.CachedMs)}{(s.CachedFromCache ? string.Empty : " (not from cache!)")} | "
                + $"{s.Observations} | {s.Clusters} | {(s.Iterations == 0 ? "–" : s.Iterations.ToString(CultureInfo.InvariantCulture))} |";
        }
    }

    private static string F(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string E(double value) => value.ToString("E1", CultureInfo.InvariantCulture);
}
