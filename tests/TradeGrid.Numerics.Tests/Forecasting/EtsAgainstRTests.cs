using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class EtsAgainstRTests(ITestOutputHelper output)
{
    // The forecasting target: the same model's point forecasts within 1e-4 relative. Both sides run the same
    // Nelder–Mead from the same start; what remains is lsfit's QR versus closed-form starting values.
    private const double PointTolerance = 1e-4;

    // Interval bounds add sigma² (a sum of squared residuals) to the point error: allowed twice the point tolerance.
    private const double IntervalTolerance = 2e-4;

    // The chosen model's AICc: the same likelihood at parameters where both Nelder–Mead runs stopped (measured largest 1.4e-11).
    private const double AiccTolerance = 1e-9;

    // The fixed-model fits R did not optimise: ets() fits HoltWinters instead when n <= parameters + 4 and reports
    // no AICc. Counted, so that a regenerated fixture that skips more is noticed.
    private const int RFitsWithoutAicc = 6;

    private const int LargestCandidateParameters = 5;

    public static IEnumerable<object[]> EtsSeries => RReference.Names("ets");

    [Theory]
    [MemberData(nameof(EtsSeries))]
    public void Every_fixed_model_matches_forecast_ets(string name)
    {
        JsonElement r = RReference.Get(name);
        double[] y = r.Y();
        foreach (JsonElement m in r.GetProperty("ets_models").EnumerateArray())
        {
            string method = m.GetProperty("method").GetString()!;
            (string model, bool damped) = Parse(method);
            if (m.GetProperty("aicc").ValueKind == JsonValueKind.Null)
            {
                // Counted and explained in R_fits_without_an_aicc_are_exactly_its_holtwinters_fallbacks.
                continue;
            }
            var forecaster = new EtsForecaster(model, damped);
            Assert.True(y.Length >= forecaster.MinimumObservations, $"{name} {method}: R optimised it, so must we");

            ForecastResult result = forecaster.Forecast(y, r.H(), r.Levels());

            Assert.Equal(method, result.Model);
            AssertClose.Relative(m.GetProperty("aicc").GetDouble(), result.Aicc, PointTolerance, $"{name} {method} AICc");
            AssertForecast(m, result, $"{name} {method}");
        }
    }

    [Fact]
    public void R_fits_without_an_aicc_are_exactly_its_holtwinters_fallbacks()
    {
        var skipped = new List<string>();
        foreach (JsonElement r in RReference.Series.Where(s => s.TryGetProperty("ets_models", out _)))
        {
            int n = r.Y().Length;
            foreach (JsonElement m in r.GetProperty("ets_models").EnumerateArray().Where(m => m.GetProperty("aicc").ValueKind == JsonValueKind.Null))
            {
                // The method R reports is the HoltWinters model it fitted instead, not the candidate asked for; the
                // largest candidate (damped trend) has npars = 2 (alpha, l0) + 2 (beta, b0) + 1 (phi) = 5.
                string method = m.GetProperty("method").GetString()!;
                Assert.True(n <= LargestCandidateParameters + 4, $"{r.GetProperty("name").GetString()} {method}: R reports no AICc although n = {n} > {LargestCandidateParameters} + 4");
                skipped.Add($"{r.GetProperty("name").GetString()} {method}");
            }
        }

        output.WriteLine($"R fits without an AICc: {string.Join("; ", skipped)}");
        Assert.Equal(RFitsWithoutAicc, skipped.Count);
    }

    [Fact]
    public void Automatic_selection_chooses_rs_model_on_every_series_with_rs_aicc_and_forecasts()
    {
        int agree = 0;
        int total = 0;
        double largestAiccError = 0.0;
        var problems = new List<string>();
        foreach (JsonElement r in RReference.Series.Where(s => s.TryGetProperty("ets", out _)))
        {
            string name = r.GetProperty("name").GetString()!;
            JsonElement ets = r.GetProperty("ets");
            string rModel = ets.GetProperty("method").GetString()!;

            ForecastResult result = new EtsForecaster().Forecast(r.Y(), r.H(), r.Levels());

            total++;
            if (result.Model != rModel)
            {
                problems.Add($"{name}: R {rModel}, ours {result.Model}");
                continue;
            }
            agree++;
            AssertForecast(ets, result, $"{name} {rModel}");
            // Every automatic R fit here has an AICc (GetDouble throws on a null); NaN on our side fails the comparison.
            double rAicc = ets.GetProperty("aicc").GetDouble();
            double aiccError = Math.Abs(result.Aicc / rAicc - 1.0);
            if (!(aiccError <= AiccTolerance))
            {
                problems.Add($"{name} {rModel}: AICc R {rAicc:R} ours {result.Aicc:R}");
                continue;
            }
            largestAiccError = Math.Max(largestAiccError, aiccError);
        }
        output.WriteLine($"ETS: same model as R on {agree}/{total}; largest relative AICc difference {largestAiccError:E2}");
        foreach (string problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Empty(problems);
        Assert.Equal(total, agree);
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
