using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// fixtures/forecasting/selection_reference.json (make_selection_fixture.R): the models R's ets and auto.arima
/// choose on every complete PWT rgdpna series (1970–2017) and every complete UNCTAD digitally deliverable
/// services series of 8–14 years, with their AICc and point forecasts. bench/RESULTS.md claims the same model as R
/// on all 525 series: asserted here, with the AICc and the points of every series.
/// </summary>
public sealed class SelectionAgreementTests(ITestOutputHelper output)
{
    private const int SeriesInFixture = 525;

    // Same model, same optimiser as R: the forecasting targets' point tolerance.
    private const double PointTolerance = 1e-4;

    // ARIMA: the reported likelihood is one pass of R's own Kalman filter at estimates within the optimiser's
    // tolerance of R's, so AICc agrees far closer than the points. bench/RESULTS.md quotes 2e-10; measured largest
    // 1.8e-10 on these 525 series.
    private const double ArimaAiccTolerance = 2e-10;

    // ETS: the same Nelder–Mead run as R's from the same start; measured largest 1.4e-11, bounded with headroom for
    // a run that stops one iteration apart.
    private const double EtsAiccTolerance = 1e-9;

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/selection_reference").GetProperty("series").EnumerateArray().ToArray());

    [Fact]
    public void Ets_selects_rs_model_on_every_series_with_rs_aicc_and_points()
    {
        // A null AICc: R's ets fell back to HoltWinters on a constant series and reports none; neither may we (NaN).
        Check("ets", "ets_method", "ets_aicc", "ets_mean", new EtsForecaster(), EtsAiccTolerance, double.NaN);
    }

    [Fact]
    public void Arima_selects_rs_model_on_every_series_with_rs_aicc_and_points()
    {
        // A null AICc: R's auto.arima fits a constant series exactly, its AICc is -Inf, and the fixture writer prints
        // non-finite numbers as null. Ours must be -Inf too.
        Check("arima", "arima", "arima_aicc", "arima_mean", new ArimaForecaster(), ArimaAiccTolerance, double.NegativeInfinity);
    }

    private void Check(string label, string modelField, string aiccField, string meanField, IForecaster forecaster, double aiccTolerance, double aiccWhereRPrintsNull)
    {
        int agree = 0;
        int total = 0;
        int withoutRAicc = 0;
        double largestAiccError = 0.0;
        var problems = new List<string>();
        foreach (JsonElement s in _series.Value)
        {
            string name = s.GetProperty("name").GetString()!;
            double[] y = s.GetProperty("y").Doubles();
            string rModel = s.GetProperty(modelField).GetString()!;
            double[] rMean = s.GetProperty(meanField).Doubles();

            ForecastResult result = forecaster.Forecast(y, rMean.Length, [80, 95]);

            total++;
            if (result.Model != rModel)
            {
                problems.Add($"{name} (n={y.Length}): R {rModel}, ours {result.Model}");
                continue;
            }
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
            JsonElement aicc = s.GetProperty(aiccField);
            if (aicc.ValueKind != JsonValueKind.Number)
            {
                withoutRAicc++;
                if (!result.Aicc.Equals(aiccWhereRPrintsNull))
                {
                    problems.Add($"{name} {rModel}: R's AICc printed as null, expected ours {aiccWhereRPrintsNull:R}, got {result.Aicc:R}");
                }
                continue;
            }
            double rAicc = aicc.GetDouble();
            double aiccError = Math.Abs(result.Aicc / rAicc - 1.0);
            // Written so that a NaN fails: NaN <= x is false.
            if (!(aiccError <= aiccTolerance))
            {
                problems.Add($"{name} {rModel}: AICc R {rAicc:R} ours {result.Aicc:R}");
                continue;
            }
            largestAiccError = Math.Max(largestAiccError, aiccError);
        }
        output.WriteLine($"{label}: same model as R on {agree}/{total}; largest relative AICc difference {largestAiccError:E2}; {withoutRAicc} with R's AICc printed as null");
        foreach (string problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Equal(SeriesInFixture, total);
        Assert.Empty(problems);
        Assert.Equal(total, agree);
    }
}
