using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// fixest's side: the panel written to a temporary CSV, then bench/estimate-service/fixest_service_fits.R times a first
/// call and <c>runs</c> warm calls of every model on it (2 threads) while the silo idles; each row gets fixest's result.
/// A failure (fixest not installed: R_LIBS must reach it) is reported and the server's rows are kept.
/// </summary>
internal static class FixestFits
{
    public static async Task<(List<ResultRow> Rows, string Note)> RunAsync(string root, BilateralPanel panel, BenchOptions options, List<ResultRow> rows)
    {
        string csv = Path.Combine(Path.GetTempPath(), $"tradegrid-estimate-service-{options.Size}-{Guid.NewGuid():N}.csv");
        panel.WriteCsv(csv);
        string load = ProcFs.LoadAverage().Split(' ')[0];
        Console.Error.WriteLine($"fixest (load {load})...");
        try
        {
            (string implementation, List<ModelResult> results) = await ReferenceRun.RunAsync(
                "fixest", "Rscript", Path.Combine(root, "bench", "estimate-service", "fixest_service_fits.R"),
                "formula, fixed-effect ids from the data frame, the fit and the clustered covariance (2 threads)",
                csv, options.Runs + 1, rows.Select(r => r.Server.Model).ToArray(), options.OutDirectory);
            var byModel = results.ToDictionary(r => r.Model);
            List<ResultRow> withFixest = rows.Select(r => byModel.TryGetValue(r.Server.Model, out ModelResult? f) ? r with { Fixest = f, FixestLoad = load } : r).ToList();
            return (withFixest, $"{implementation}; 1 first call and {options.Runs} warm calls per model, load average {load} when it started.");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"fixest skipped: {e.Message}");
            return (rows, $"fixest skipped: {e.Message.Split('\n')[0]}");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
