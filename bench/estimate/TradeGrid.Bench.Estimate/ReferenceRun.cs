using System.Diagnostics;
using System.Text.Json;

namespace TradeGrid.Bench.Estimate;

/// <summary>
/// Runs a reference implementation's script (R, fixest or statsmodels) on the panel's CSV and reads its timings and
/// estimates. The scripts read the CSV before any timer and time each call separately: the first call is reported
/// apart from the warm calls after it, as TradeGrid's are.
/// </summary>
internal static class ReferenceRun
{
    public static async Task<(string Implementation, List<ModelResult> Results)> RunAsync(
        string label, string program, string script, string timer, string csv, int runs, IReadOnlyList<string> models, string outDirectory)
    {
        string json = Path.Combine(outDirectory, $"{label}-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[] { script, csv, json, runs.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(',', models) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {script} failed ({process.ExitCode}): {await stderr}");
        }

        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        File.Delete(json);
        JsonElement root = document.RootElement;
        var results = new List<ModelResult>();
        foreach (JsonElement r in root.GetProperty("results").EnumerateArray())
        {
            double[] times = Doubles(r.GetProperty("times_ms"));
            double[] cpu = Doubles(r.GetProperty("cpu_ms"));
            results.Add(new ModelResult(
                label,
                r.GetProperty("model").GetString()!, // the scripts always write it
                timer,
                times[0],
                cpu[0],
                times[1..],
                cpu[1..],
                r.GetProperty("memory_mb").GetDouble(),
                label == "statsmodels" ? "process peak RSS" : "R heap peak during fit",
                Doubles(r.GetProperty("coefficients")),
                Doubles(r.GetProperty("se"))));
        }

        return (root.GetProperty("implementation").GetString() ?? label, results);
    }

    private static double[] Doubles(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(e => e.GetDouble()).ToArray() : [array.GetDouble()];
}
