using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class ArimaAgainstRTests(ITestOutputHelper output)
{
    // The target for the same model: point forecasts within 1e-4 relative. BFGS, CSS start and the
    // Kalman filter are R's; the stationary covariance is solved directly instead of by Gardner's recursion.
    private const double PointTolerance = 1e-4;

    // Bounds add σ² from the standardised residuals; allowed twice the point tolerance, on the point's scale.
    private const double IntervalTolerance = 2e-4;

    // Where our choice differs from R's, its AICc may not exceed R's by more than this (relative).
    private const double AiccTolerance = 1e-6;

    private const double RequiredAgreement = 0.90;

    [Fact]
    public void Ndiffs_matches_forecast_ndiffs()
    {
        foreach (JsonElement r in RReference.Series)
        {
            int expected = r.GetProperty("arima").GetProperty("ndiffs").GetInt32();

            int actual = Numerics.Forecasting.Arima.Kpss.Differences(r.Y());

            Assert.True(expected == actual, $"{r.GetProperty("name").GetString()}: ndiffs R {expected}, ours {actual}");
        }
    }

    [Fact]
    public void Automatic_selection_agrees_with_r_on_at_least_90_percent()
    {
        int agree = 0;
        int total = 0;
        var worse = new List<string>();
        var pointMismatch = new List<string>();
        foreach (JsonElement r in RReference.Series)
        {
            string name = r.GetProperty("name").GetString()!;
            JsonElement arima = r.GetProperty("arima");
            int[] order = arima.GetProperty("order").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            string[] coefNames = arima.GetProperty("coef_names").Strings();
            string rModel = $"ARIMA({order[0]},{order[1]},{order[2]})"
                + (coefNames.Contains("drift") ? " with drift" : coefNames.Contains("intercept") ? " with non-zero mean" : order[1] == 0 ? " with zero mean" : string.Empty);

            ForecastResult result = new ArimaForecaster().Forecast(r.Y(), r.H(), r.Levels());

            total++;
            if (result.Model == rModel)
            {
                agree++;
                string? problem = Compare(arima, result);
                if (problem is not null)
                {
                    pointMismatch.Add($"{name} {rModel}: {problem}");
                }
            }
            else
            {
                double rAicc = arima.GetProperty("aicc").GetDouble();
                output.WriteLine($"{name}: R {rModel} AICc {rAicc:R}, ours {result.Model} AICc {result.Aicc:R}");
                if (result.Aicc > rAicc + AiccTolerance * Math.Abs(rAicc))
                {
                    worse.Add($"{name}: R {rModel} {rAicc:R}, ours {result.Model} {result.Aicc:R}");
                }
            }
        }
        output.WriteLine($"ARIMA model agreement {agree}/{total}");
        foreach (string line in pointMismatch.Concat(worse))
        {
            output.WriteLine(line);
        }
        Assert.True(agree >= RequiredAgreement * total, $"ARIMA agreement {agree}/{total} below {RequiredAgreement:P0}");
        Assert.Empty(pointMismatch);
        Assert.Empty(worse);
    }

    private static string? Compare(JsonElement r, ForecastResult result)
    {
        double[] mean = r.GetProperty("mean").Doubles();
        JsonElement[] lower = r.GetProperty("lower").EnumerateArray().ToArray();
        JsonElement[] upper = r.GetProperty("upper").EnumerateArray().ToArray();
        for (int j = 0; j < mean.Length; j++)
        {
            double scale = Math.Max(Math.Abs(mean[j]), 1e-12);
            double pointError = mean[j] == 0.0 ? Math.Abs(result.Point[j]) : Math.Abs(result.Point[j] / mean[j] - 1.0);
            if (!(pointError <= PointTolerance))
            {
                return $"point h={j + 1} R {mean[j]:R} ours {result.Point[j]:R}";
            }
            for (int i = 0; i < lower.Length; i++)
            {
                double lo = lower[i].Doubles()[j];
                double up = upper[i].Doubles()[j];
                if (!(Math.Abs(lo - result.Lower[i][j]) / scale <= IntervalTolerance && Math.Abs(up - result.Upper[i][j]) / scale <= IntervalTolerance))
                {
                    return $"interval {i} h={j + 1} R [{lo:R}, {up:R}] ours [{result.Lower[i][j]:R}, {result.Upper[i][j]:R}]";
                }
            }
        }
        return null;
    }
}
