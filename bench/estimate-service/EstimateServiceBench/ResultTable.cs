using System.Globalization;
using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The Markdown tables of a run: per model, the server's first fits of new specs and its refits beside the library's
/// two timers; then the coordinator's rounds, the first call after the import, the cached answer and the row counts.
/// </summary>
internal static class ResultTable
{
    /// <summary>The tables; <paramref name="roundsMs"/> is the coordinator's time per fit id from the silo's log.</summary>
    public static IEnumerable<string> Render(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, double> roundsMs)
    {
        yield return "| model | server, first fit of a new spec (rows built): wall ms, median (min–max) | CPU ms | server, refit (rows reused): wall ms, median (min–max) | CPU ms "
            + "| library, design from columns + fit: wall ms, median (min–max) | CPU ms | library, fit only: wall ms, median (min–max) | CPU ms "
            + "| new spec / library from columns (wall) | refit / library fit only (wall) | max rel. diff. β, SE | load avg (server; library) |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
        foreach (ResultRow row in rows.Where(r => r.FitOnly is not null && r.FromColumns is not null))
        {
            ServerTiming s = row.Server;
            ModelResult l = row.FitOnly!;
            ModelResult c = row.FromColumns!;
            // The library's OLS leaves out the intercept (as R's fixtures do); the server's lists it first.
            double[] beta = s.Coefficients[^l.Coefficients.Length..];
            double[] se = s.StandardErrors[^l.StandardErrors.Length..];
            yield return $"| {s.Model} | {Spread(s.NewSpec.MedianMs, s.NewSpec.Ms)} | {F(s.NewSpec.MedianCpuMs)} | {Spread(s.Refit.MedianMs, s.Refit.Ms)} | {F(s.Refit.MedianCpuMs)} | "
                + $"{Spread(c.MedianMs, c.TimesMs)} | {F(c.MedianCpuMs)} | {Spread(l.MedianMs, l.TimesMs)} | {F(l.MedianCpuMs)} | "
                + $"{Ratio(s.NewSpec.MedianMs, c.MedianMs)} | {Ratio(s.Refit.MedianMs, l.MedianMs)} | "
                + $"{E(Statistics.MaxRelativeDifference(beta, l.Coefficients))}, {E(Statistics.MaxRelativeDifference(se, l.StandardErrors))} | "
                + $"{row.ServerLoad}; {row.LibraryLoad} |";
        }

        yield return string.Empty;
        yield return "| model | coordinator's rounds ms, median: new spec; refit (silo log) | server, first call after the import ms (CPU ms) | served from cache ms "
            + "| library first call ms: from columns (cold); fit only | N | clusters | IRLS iterations |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|";
        foreach (ResultRow row in rows)
        {
            ServerTiming s = row.Server;
            yield return $"| {s.Model} | {Rounds(s.NewSpec, roundsMs)}; {Rounds(s.Refit, roundsMs)} | {F(s.ColdMs)} ({F(s.ColdCpuMs)}) | "
                + $"{F(s.CachedMs)}{(s.CachedFromCache ? string.Empty : " (not from cache!)")} | {Library(row.FromColumns)}; {Library(row.FitOnly)} | "
                + $"{s.Observations} | {s.Clusters} | {(s.Iterations == 0 ? "–" : s.Iterations.ToString(CultureInfo.InvariantCulture))} |";
        }
    }

    private static string Rounds(Calls calls, IReadOnlyDictionary<string, double> roundsMs)
    {
        double[] rounds = calls.FitIds.Where(roundsMs.ContainsKey).Select(id => roundsMs[id]).ToArray();
        return rounds.Length == 0 ? "–" : F(Statistics.Median(rounds));
    }

    private static string Library(ModelResult? result) => result is null ? "–" : F(result.FirstMs);

    private static string Spread(double median, double[] values) => $"{F(median)} ({F(values.Min())}–{F(values.Max())})";

    private static string Ratio(double value, double reference) => (value / reference).ToString("F1", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string E(double value) => value.ToString("E1", CultureInfo.InvariantCulture);
}
