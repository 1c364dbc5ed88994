using System.Globalization;
using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The server beside fixest on the same rows: first fits of new specs against fixest's calls, refits against fixest's
/// warm calls, memory per fit, and the targets (first fit faster than fixest; refit at least 3× faster; structural
/// gravity PPML's first fit under 1 s and OLS's under 120 ms).
/// </summary>
internal static class FixestTable
{
    public static IEnumerable<string> Render(IReadOnlyList<ResultRow> rows)
    {
        yield return "| model | server, first fit of a new spec: wall ms, median (min–max) | CPU ms | fixest, first call: wall ms | CPU ms "
            + "| fixest, warm calls: wall ms, median (min–max) | CPU ms | server, refit: wall ms, median (min–max) | CPU ms "
            + "| fixest warm / server new spec: wall; CPU | fixest warm / server refit: wall; CPU | max rel. diff. β, SE | load avg (server; fixest) |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
        foreach (ResultRow row in rows.Where(r => r.Fixest is not null))
        {
            ServerTiming s = row.Server;
            ModelResult f = row.Fixest!;
            // fixest returns the slopes; the server's OLS lists the intercept first.
            double[] beta = s.Coefficients[^f.Coefficients.Length..];
            double[] se = s.StandardErrors[^f.StandardErrors.Length..];
            yield return $"| {s.Model} | {Spread(s.NewSpec.MedianMs, s.NewSpec.Ms)} | {F(s.NewSpec.MedianCpuMs)} | {F(f.FirstMs)} | {F(f.FirstCpuMs)} | "
                + $"{Spread(f.MedianMs, f.TimesMs)} | {F(f.MedianCpuMs)} | {Spread(s.Refit.MedianMs, s.Refit.Ms)} | {F(s.Refit.MedianCpuMs)} | "
                + $"{R(f.MedianMs / s.NewSpec.MedianMs)}; {R(f.MedianCpuMs / s.NewSpec.MedianCpuMs)} | {R(f.MedianMs / s.Refit.MedianMs)}; {R(f.MedianCpuMs / s.Refit.MedianCpuMs)} | "
                + $"{E(Statistics.MaxRelativeDifference(beta, f.Coefficients))}, {E(Statistics.MaxRelativeDifference(se, f.StandardErrors))} | {row.ServerLoad}; {row.FixestLoad} |";
        }

        yield return string.Empty;
        yield return "| model | server allocated MB per fit, median: new spec; refit | fixest R heap peak MB per call (max) | first fit faster than fixest (wall; CPU) "
            + "| refit ≥ 3× faster than fixest (wall; CPU) | structural gravity first-fit target (wall; CPU) |";
        yield return "|---|---:|---:|---|---|---|";
        foreach (ResultRow row in rows.Where(r => r.Fixest is not null))
        {
            ServerTiming s = row.Server;
            ModelResult f = row.Fixest!;
            double? target = s.Model switch { "sg_ppml" => 1000.0, "sg_ols" => 120.0, _ => null };
            string sg = target is null ? "–" : $"< {target:F0} ms: {Met(s.NewSpec.MedianMs < target)}; {Met(s.NewSpec.MedianCpuMs < target)}";
            yield return $"| {s.Model} | {F(s.NewSpec.MedianAllocatedMb)}; {F(s.Refit.MedianAllocatedMb)} | {F(f.MemoryMb)} | "
                + $"{Met(s.NewSpec.MedianMs < f.MedianMs)}; {Met(s.NewSpec.MedianCpuMs < f.MedianCpuMs)} | "
                + $"{Met(f.MedianMs >= 3 * s.Refit.MedianMs)}; {Met(f.MedianCpuMs >= 3 * s.Refit.MedianCpuMs)} | {sg} |";
        }
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Spread(double median, double[] values) => values.Length == 0 ? "–" : $"{F(median)} ({F(values.Min())}–{F(values.Max())})";

    private static string R(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string E(double value) => value.ToString("E1", CultureInfo.InvariantCulture);
}
