using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class EtsAgainstRTests(ITestOutputHelper output)
{
    // The target: the same model's point forecasts within 1e-4 relative. Both sides run the same
    // Nelder–Mead from the same start; what remains is lsfit's QR versus closed-form starting values.
    private const double PointTolerance = 1e-4;

    // Interval bounds add sigma² (a sum of squared residuals) to the point error: allowed twice the point tolerance.
    private const double IntervalTolerance = 2e-4;

    // Where our choice differs from R's, its AICc may not exceed R's chosen AICc by more than this (relative).
    private const double AiccTolerance = 1e-6;

    // The target: the same model as R on at least 90% of the series.
    private const double RequiredAgreement = 0.90;

    public static IEnumerable<object[]> EtsSeries => RReference.Names("ets");

    [Theory]
    [MemberData(nameof(EtsSeries))]
    public void Every_fixed_model_matches_forecast_ets(string name)
    {
        JsonElement r = RReference.Get(name);
        double[] y = r.Y();
        foreach (JsonElement m in r.GetProperty("ets_models").EnumerateArray())
        {
            if (m.GetProperty("aicc").ValueKind == JsonValueKind.Null)
            {
                continue; // R fell back to HoltWinters (n <= npars + 4); that fit has no AICc and is refused here.
            }
            string method = m.GetProperty("method").GetString()!;
            (string model, bool damped) = Parse(method);
            var forecaster = new EtsForecaster(model, damped);
            Assert.True(y.Length >= forecaster.MinimumObservations, $"{name} {method}: R optimised it, so must we");

            ForecastResult result = forecaster.Forecast(y, r.H(), r.Levels());

            Assert.Equal(method, result.Model);
            AssertClose.Relative(m.GetProperty("aicc").GetDouble(), result.Aicc, PointTolerance, $"{name} {method} AICc");
            AssertForecast(m, result, $"{name} {method}");
        }
    }

    [Fact]
    public void Automatic_selection_agrees_with_r_on_at_least_90_percent()
    {
        int agree = 0;
        int total = 0;
        var worse = new List<string>();
        foreach (JsonElement r in RReference.Series.Where(s => s.TryGetProperty("ets", out _)))
        {
            string name = r.GetProperty("name").GetString()!;
            JsonElement ets = r.GetProperty("ets");
            string rModel = ets.GetProperty("method").GetString()!;

            ForecastResult result = new EtsForecaster().Forecast(r.Y(), r.H(), r.Levels());

            total++;
            if (result.Model == rModel)
            {
                agree++;
                AssertForecast(ets, result, $"{name} {rModel}");
            }
            else
            {
                double rAicc = ets.GetProperty("aicc").GetDouble();
                output.WriteLine($"{name}: R {rModel} AICc {rAicc:R}, ours {result.Model} AICc {result.Aicc:R}");
                if (result.Aicc > rAicc + AiccTolerance * Math.Abs(rAicc))
                {
                    worse.Add(name);
                }
            }
        }
        output.WriteLine($"ETS model agreement {agree}/{total}");
        Assert.Empty(worse);
        Assert.True(agree >= RequiredAgreement * total, $"ETS agreement {agree}/{total} below {RequiredAgreement:P0}");
    }

    [Fact]
    public void Too_short_series_is_refused_with_the_minimum()
    {
        var ex = Assert.Throws<InsufficientDataException>(() => new EtsForecaster().Forecast([1.0, 2, 3, 4, 5, 6], 3, [80]));

        Assert.Contains("at least 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seasonal_model_is_refused_with_the_valid_range()
    {
        var ex = Assert.Throws<InvalidSpecException>(() => new EtsForecaster("AAA"));

        Assert.Contains("season N", ex.Message, StringComparison.Ordinal);
    }

    private static (string Model, bool Damped) Parse(string method)
    {
        // "ETS(M,Ad,N)" -> ("MA", true)
        string[] parts = method[4..^1].Split(',');
        return (parts[0] + parts[1][0], parts[1].EndsWith('d'));
    }

    private static void AssertForecast(JsonElement r, ForecastResult result, string what)
    {
        double[] mean = r.GetProperty("mean").Doubles();
        for (int j = 0; j < mean.Length; j++)
        {
            AssertClose.Relative(mean[j], result.Point[j], PointTolerance, $"{what} point h={j + 1}");
        }
        JsonElement[] lower = r.GetProperty("lower").EnumerateArray().ToArray();
        JsonElement[] upper = r.GetProperty("upper").EnumerateArray().ToArray();
        for (int i = 0; i < lower.Length; i++)
        {
            double[] lo = lower[i].Doubles();
            double[] up = upper[i].Doubles();
            for (int j = 0; j < lo.Length; j++)
            {
                // Bounds near zero (a lower bound crossing zero) are compared on the scale of the point forecast.
                double scale = Math.Max(Math.Abs(mean[j]), 1e-12);
                AssertClose.Absolute(lo[j] / scale, result.Lower[i][j] / scale, IntervalTolerance, $"{what} lower[{i}] h={j + 1}");
                AssertClose.Absolute(up[j] / scale, result.Upper[i][j] / scale, IntervalTolerance, $"{what} upper[{i}] h={j + 1}");
            }
        }
    }
}
