using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// fixtures/forecasting/selection_reference.json (make_selection_fixture.R): the models R's ets and auto.arima
/// choose on every complete PWT rgdpna series (1970–2017) and every complete UNCTAD digitally deliverable
/// services series of 8–14 years, with their AICc and point forecasts. The targets: the same model on at
/// least 90% of series, an AICc no worse than R's where it differs, points within 1e-4 where it is the same.
/// </summary>
public sealed class SelectionAgreementTests(ITestOutputHelper output)
{
    private const double RequiredAgreement = 0.90;

    // Same model, same optimiser as R: the point-forecast target.
    private const double PointTolerance = 1e-4;

    // A different model must not be worse than R's by more than rounding of the criterion (relative).
    private const double AiccTolerance = 1e-6;

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/selection_reference").GetProperty("series").EnumerateArray().ToArray());

    [Fact]
    public void Ets_selects_rs_model_on_at_least_90_percent()
    {
        Check("ets", "ets_method", "ets_aicc", "ets_mean", new EtsForecaster());
    }

    [Fact]
    public void Arima_selects_rs_model_on_at_least_90_percent()
    {
        Check("arima", "arima", "arima_aicc", "arima_mean", new ArimaForecaster());
    }

    private void Check(string label, string modelField, string aiccField, string meanField, IForecaster forecaster)
    {
        int agree = 0;
        int total = 0;
        var problems = new List<string>();
        foreach (JsonElement s in _series.Value)
        {
            string name = s.GetProperty("name").GetString()!;
            double[] y = s.GetProperty("y").Doubles();
            string rModel = s.GetProperty(modelField).GetString()!;
            double[] rMean = s.GetProperty(meanField).Doubles();

            ForecastResult result = forecaster.Forecast(y, rMean.Length, [80, 95]);

            total++;
            if (result.Model == rModel)
            {
                agree++;
                for (int j = 0; j < rMean.Length; j++)
                {
                    double error = rMean[j] == 0.0 ? Math.Abs(result.Point[j]) : Math.Abs(result.Point[j] / rMean[j] - 1.0);
                    if (!(error <= PointTolerance))
                    {
                        problems.Add($"{name} {rModel}: point h={j + 1} R {rMean[j]:R} ours {result.Point[j]:R}");
                        break;
                    }
                }
                continue;
            }
            JsonElement aicc = s.GetProperty(aiccField);
            double rAicc = aicc.ValueKind == JsonValueKind.Number ? aicc.GetDouble() : double.PositiveInfinity;
            output.WriteLine($"{name} (n={y.Length}): R {rModel} AICc {rAicc:R}; ours {result.Model} AICc {result.Aicc:R}");
            if (result.Aicc > rAicc + AiccTolerance * Math.Abs(rAicc))
            {
                problems.Add($"{name}: ours {result.Model} AICc {result.Aicc:R} worse than R's {rModel} {rAicc:R}");
            }
        }
        output.WriteLine($"{label}: same model as R on {agree}/{total} ({(double)agree / total:P1})");
        foreach (string problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.True(agree >= RequiredAgreement * total, $"{label} agreement {agree}/{total} below {RequiredAgreement:P0}");
        Assert.Empty(problems);
    }
}
