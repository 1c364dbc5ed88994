using System.Diagnostics;
using System.Text.Json;

namespace TradeGrid.Bench;

/// <summary>
/// One run of <c>bench/describe/pandas_describe.py</c>: it loads the PWT rows once, times Share, Aggregate and
/// Contributions N times each in pandas and prints JSON (timings and the results, for the agreement check).
/// </summary>
internal sealed class PandasDescribe : IDisposable
{
    private PandasDescribe(JsonDocument document)
    {
        Document = document;
    }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public double LoadMs => Root.GetProperty("load_ms").GetDouble();

    public string Versions => $"Python {Root.GetProperty("python").GetString()}, pandas {Root.GetProperty("pandas").GetString()}, "
        + $"NumPy {Root.GetProperty("numpy").GetString()}";

    public double[] TimingsMs(string measure) =>
        [.. Root.GetProperty("timings_ms").GetProperty(measure).EnumerateArray().Select(e => e.GetDouble())];

    public static async Task<PandasDescribe> RunAsync(
        string python, RepositoryLayout layout, int requests, int warmUp, int from, int to, string indicator, string weight)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = layout.Root,
        };
        string[] args =
        [
            Path.Combine(layout.Root, "bench", "describe", "pandas_describe.py"),
            "--series", Path.Combine(layout.Root, "data", "default", "series", "pwt91.csv.gz"),
            "--economies", Path.Combine(layout.Root, "data", "default", "meta", "economies.csv"),
            "--indicator", indicator,
            "--weight", weight,
            "--from", from.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--to", to.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--n", requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--warmup", warmUp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{python} could not be started");
        ChildProcesses.Add(process);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} pandas_describe.py failed ({process.ExitCode}); it needs pandas "
                + $"(--python names another interpreter):\n{await errors}");
        }
        return new PandasDescribe(JsonDocument.Parse(await output));
    }

    public void Dispose() => Document.Dispose();
}
