using System.Text.Json;
using MathNet.Numerics.Distributions;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Scenarios;
using TradeGrid.Numerics.Tests.Forecasting;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// A driver's simulated forecast errors against its forecast's analytic prediction intervals, for ETS and ARIMA fits
/// of real series (fixtures/forecasting/r_reference.json: R's forecast package chose each model; the forecasters' own
/// intervals are held to R's by the forecasting tests). The driver enters a level model y = x, so each year's simulated
/// paths should have the forecast's distribution: normal about the point forecast with the interval's σ_h. With
/// n = <see cref="Paths"/> paths the sample quantile of probability p has standard error √(p(1 − p)/n) · σ_h / φ(z_p);
/// the 2.5, 10, 90 and 97.5% quantiles are checked against the 95% and 80% bounds within <see cref="Bound"/> standard
/// errors (a two-sided normal tail of 7·10⁻⁶ per check). Additive-error models only: their intervals are normal, as the
/// simulated errors are; a multiplicative-error ETS has skewed intervals that normal errors match in variance only.
/// </summary>
public sealed class DriverSimulationAgainstIntervalsTests
{
    private const int Paths = 40_000;
    private const double Bound = 4.5;
    private const double Z975 = 1.959963984540054;
    private static readonly double[] Levels = [80, 95];

    [Theory]
    [InlineData("unctad_exp_AUT")]
    [InlineData("unctad_exp_BEL")]
    [InlineData("pwt_rgdpna_VNM")]
    [InlineData("pwt_rgdpna_NZL")]
    public void Ets_paths_have_the_ets_intervals(string name)
    {
        JsonElement r = RReference.Get(name);
        // "ETS(A,Ad,N)" → error A, trend A damped, season N: R's choice, so the model is the same one.
        string[] parts = r.GetProperty("ets").GetProperty("method").GetString()!.Replace("ETS(", "", StringComparison.Ordinal).TrimEnd(')').Split(',');
        Assert.Equal("A", parts[0]);
        var ets = new EtsForecaster(parts[0] + parts[1][..1] + parts[2], damped: parts[1].EndsWith('d'));

        ForecastResult f = ets.Forecast(r.Y(), r.H(), Levels);

        CheckPaths(f, RandomStream.KeyOf(name));
    }

    [Theory]
    [InlineData("unctad_exp_JAM")]
    [InlineData("unctad_exp_THA")]
    [InlineData("unctad_exp_PAN")]
    [InlineData("pwt_rgdpna_ABW")]
    public void Arima_paths_have_the_arima_intervals(string name)
    {
        JsonElement r = RReference.Get(name);
        int[] order = r.GetProperty("arima").GetProperty("order").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        ForecastResult f = Forecaster.Forecast(r.Y(), ForecastMethod.Arima, r.H(), Levels);

        Assert.StartsWith($"ARIMA({order[0]},{order[1]},{order[2]})", f.Model, StringComparison.Ordinal);
        CheckPaths(f, RandomStream.KeyOf(name));
    }

    private static void CheckPaths(ForecastResult f, ulong key)
    {
        int h = f.Point.Length;
        double[] sigmas = Enumerable.Range(0, h).Select(i => (f.Upper[1][i] - f.Lower[1][i]) / (2 * Z975)).ToArray();
        var prediction = new PredictionModel([0.0, 1.0], [0, 0, 0, 0], 0.0, 50, ResponseScale.Level, BiasCorrection.None);
        var model = new ScenarioModel(prediction, [-1, 0], [DriverTransform.Level, DriverTransform.Level], Drivers: 1);
        int[] years = Enumerable.Range(2031, h).ToArray();
        var input = new EconomyScenarioInput(years, [f.Point], [], 0.0, [DriverErrorModel.FromSigmas(sigmas, null)], key);
        PathColumns paths = PathSimulator.Simulate(model, CoefficientSampler.Factor(prediction.Covariance, 2), input, new SimulationOptions(7, false, false, false), 0, Paths);

        (double P, double Bound)[] bounds(int i) => [(0.025, f.Lower[1][i]), (0.1, f.Lower[0][i]), (0.9, f.Upper[0][i]), (0.975, f.Upper[1][i])];
        for (int i = 0; i < h; i++)
        {
            (double P, double Bound)[] checks = bounds(i);
            PathDistribution d = ExactQuantiles.DistributionInPlace(paths.Baseline[i].ToArray(), checks.Select(c => c.P).ToArray());
            for (int q = 0; q < checks.Length; q++)
            {
                double p = checks[q].P;
                double se = Math.Sqrt(p * (1 - p) / Paths) / Normal.PDF(0, 1, Normal.InvCDF(0, 1, p)) * sigmas[i];
                Assert.True(Math.Abs(d.Quantiles[q] - checks[q].Bound) <= Bound * se,
                    $"{f.Model} h={i + 1} p={p}: simulated {d.Quantiles[q]:R}, interval bound {checks[q].Bound:R}, {Math.Abs(d.Quantiles[q] - checks[q].Bound) / se:F2} SE apart");
            }
        }
    }
}
