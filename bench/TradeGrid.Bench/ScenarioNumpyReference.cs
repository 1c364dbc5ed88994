using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// The numpy side of the scenario benchmark on the server's own problem. The problem file
/// (bench/scenarios/problem.json, numpy_reference.py's format) holds what the server's Monte Carlo run used: the fit's
/// coefficients and covariance, the bias-correction factor the result reports, each economy's baseline driver paths and
/// their forecast standard errors (from ForecastService with the scenario's method, 95% interval / (2·1.96), as the
/// economy grains make them), and the shock's multiplier per economy, driver and year (+10% on openness where the
/// deterministic run shows the shock active). The script is then run on that file and its JSON read back.
/// </summary>
internal static class ScenarioNumpyReference
{
    private const double Z975 = 1.959963984540054;
    private static readonly string[] Drivers = ["pop", "hc", "openness"];
    private static readonly bool[] LogDrivers = [true, false, false];

    public static async Task<string> WriteProblemAsync(string path, ForecastService.ForecastServiceClient forecasts, string method,
        ScenarioResult summary, IReadOnlyList<ScenarioSeries> deterministic, string[] economies, int paths)
    {
        int first = summary.FirstYear, years = summary.LastYear - summary.FirstYear + 1;
        var baseline = new double[economies.Length][][];
        var sigmas = new double[economies.Length][][];
        var shock = new double[economies.Length][][];
        for (int e = 0; e < economies.Length; e++)
        {
            baseline[e] = new double[Drivers.Length][];
            sigmas[e] = new double[Drivers.Length][];
            for (int j = 0; j < Drivers.Length; j++)
            {
                var request = new ForecastRequest { Economy = economies[e], Indicator = Drivers[j], Method = method, Horizon = 30 };
                request.Levels.Add(95);
                SeriesForecast f = (await forecasts.ForecastAsync(request)).Forecast;
                ForecastPoint[] points = Enumerable.Range(first, years)
                    .Select(y => f.Points.SingleOrDefault(p => p.Year == y) ?? throw new InvalidOperationException($"{economies[e]} {Drivers[j]}: no forecast for {y}"))
                    .ToArray();
                baseline[e][j] = points.Select(p => p.Value).ToArray();
                sigmas[e][j] = points.Select(p => (p.Intervals[0].Upper - p.Intervals[0].Lower) / (2.0 * Z975)).ToArray();
            }

            ScenarioSeries series = deterministic.Single(s => s.Economy == economies[e]);
            double[] openness = series.Years.Select(y => y.Scenario != y.Baseline ? 1.1 : 1.0).ToArray();
            shock[e] = [Enumerable.Repeat(1.0, years).ToArray(), Enumerable.Repeat(1.0, years).ToArray(), openness];
        }

        ModelFit fit = summary.Fit;
        int k = fit.Coefficients.Count;
        var problem = new
        {
            economies = economies.Length,
            years,
            paths,
            seed = 20261202,
            quantiles = summary.Quantiles.ToArray(),
            coefficients = fit.Coefficients.Select(c => c.Estimate).ToArray(),
            covariance = Enumerable.Range(0, k).Select(i => fit.CovarianceMatrix.Skip(i * k).Take(k).ToArray()).ToArray(),
            log_drivers = LogDrivers,
            correction_factor = summary.CorrectionFactor,
            effects = new double[economies.Length],
            baseline,
            sigmas,
            shock_factor = shock,
            shock = new { driver = 2, percent = 10.0, economies = Array.Empty<int>() },
            note = $"The server's problem: ln rgdpna ~ ln pop + hc + openness ({fit.Observations} rows), {economies.Length} economies, "
                + $"{first}–{summary.LastYear}, drivers forecast by {method} ({string.Join(", ", Drivers)}), openness +10% where the scenario shocks it.",
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(problem));
        return path;
    }

    /// <summary>Runs numpy_reference.py on the problem; returns its JSON (timings, the world's distributions).</summary>
    public static async Task<JsonDocument> RunAsync(RepositoryLayout layout, string problem, int runs)
    {
        string output = Path.Combine(Path.GetTempPath(), $"tradegrid-numpy-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList =
            {
                Path.Combine(layout.Root, "bench", "scenarios", "numpy_reference.py"), "--problem", problem,
                "--runs", runs.ToString(CultureInfo.InvariantCulture), "--out", output,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 could not be started");
        ChildProcesses.Add(process);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"numpy_reference.py failed ({process.ExitCode}); it needs Debian's python3-numpy:\n{errors}");
        }

        Console.Error.Write(await stdout);
        return JsonDocument.Parse(await File.ReadAllTextAsync(output));
    }
}
