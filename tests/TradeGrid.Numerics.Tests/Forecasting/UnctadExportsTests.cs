using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// Every UNCTAD digitally deliverable services export series in ../shared/data (2010–2023, 2 to 14
/// observations), read at test time. Every method must forecast every complete series long enough
/// for it, and refuse shorter ones with its minimum; zeros or gaps must be refused with an InvalidSpecException.
/// Where a reference exists the forecasts are checked against it: naive, drift and the linear trend in closed form,
/// ETS and ARIMA against R's ets and auto.arima on the same series (fixtures/forecasting/selection_reference.json).
/// </summary>
public sealed class UnctadExportsTests
{
    private const int Horizon = 6;

    // Naive, drift and the linear trend are a few sums: the same arithmetic in another order.
    private const double ClosedFormTolerance = 1e-12;

    // The same model as R's, fitted by the same optimiser from the same start: the forecasting targets' point tolerance.
    private const double RTolerance = 1e-4;

    // make_selection_fixture.R takes every complete series of at least 8 years.
    private const int RReferenceMinimumLength = 8;

    private static readonly Lazy<Dictionary<string, JsonElement>> _r = new(() =>
        Fixture.Load("forecasting/selection_reference").GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, StringComparer.Ordinal));

    public static IEnumerable<object[]> Methods => Enum.GetValues<ForecastMethod>().Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_series_is_forecast_or_refused_with_a_reason_and_forecasts_match_their_reference(ForecastMethod method)
    {
        var all = SharedData.Series("unctad_digitally_deliverable_services_trade.csv", "UNCTAD_DE_DIG_SERVTRADE_ANN_EXP");
        IForecaster forecaster = Forecaster.Create(method);
        int forecast = 0;
        int checkedAgainstReference = 0;
        int withReference = 0;
        // Auto refits every candidate at three origins (about 20 ARIMA searches per series) and only composes
        // methods that run on every series here: every fourth series keeps the suite fast.
        int stride = method == ForecastMethod.Auto ? 4 : 1;
        var complete = all.Where(s => s.Years[^1] - s.Years[0] == s.Years.Length - 1).ToArray();
        foreach ((string name, _, double[] y) in complete.Where((_, i) => i % stride == 0))
        {
            bool positive = y.All(v => v > 0);
            bool needsPositive = method is ForecastMethod.Cagr or ForecastMethod.LogLinearTrend;

            if (y.Length < forecaster.MinimumObservations)
            {
                var ex = Assert.Throws<InsufficientDataException>(() => forecaster.Forecast(y, Horizon, [80, 95]));
                Assert.Contains($"at least {forecaster.MinimumObservations}", ex.Message, StringComparison.Ordinal);
                continue;
            }
            if (needsPositive && !positive)
            {
                Assert.Throws<InvalidSpecException>(() => forecaster.Forecast(y, Horizon, [80, 95]));
                continue;
            }

            ForecastResult result = forecaster.Forecast(y, Horizon, [80, 95]);

            Assert.True(result.Point.All(double.IsFinite), $"{name} {method}: non-finite point forecast");
            Assert.True(result.Lower.All(row => row.All(double.IsFinite)) && result.Upper.All(row => row.All(double.IsFinite)), $"{name} {method}: non-finite bound");
            for (int j = 0; j < Horizon; j++)
            {
                Assert.True(result.Lower[1][j] <= result.Lower[0][j] && result.Lower[0][j] <= result.Point[j] && result.Point[j] <= result.Upper[0][j] && result.Upper[0][j] <= result.Upper[1][j],
                    $"{name} {method} h={j + 1}: the 95% interval must hold the 80% one and both the point");
            }
            (double[]? reference, double tolerance) = Reference(method, name, y);
            if (reference is not null)
            {
                for (int j = 0; j < Horizon; j++)
                {
                    AssertClose.Relative(reference[j], result.Point[j], tolerance, $"{name} {method} point h={j + 1}");
                }
                checkedAgainstReference++;
            }
            forecast++;
            withReference += method is ForecastMethod.Ets or ForecastMethod.Arima ? (y.Length >= RReferenceMinimumLength ? 1 : 0) : 1;
        }
        Assert.True(forecast * stride >= 150, $"{method}: only {forecast} series forecast");
        if (method is ForecastMethod.Naive or ForecastMethod.Drift or ForecastMethod.LinearTrend or ForecastMethod.Ets or ForecastMethod.Arima)
        {
            Assert.Equal(withReference, checkedAgainstReference);
        }
    }

    /// <summary>The expected point forecasts, or null for a method without an independent reference here.</summary>
    private static (double[]? Points, double Tolerance) Reference(ForecastMethod method, string economy, double[] y)
    {
        int n = y.Length;
        switch (method)
        {
            case ForecastMethod.Naive:
                return (Enumerable.Repeat(y[^1], Horizon).ToArray(), 0.0);
            case ForecastMethod.Drift:
                double drift = (y[^1] - y[0]) / (n - 1);
                return (Enumerable.Range(1, Horizon).Select(h => y[^1] + h * drift).ToArray(), ClosedFormTolerance);
            case ForecastMethod.LinearTrend:
                // OLS of y on t = 1..n, forecast at t = n + h.
                double tMean = (n + 1) / 2.0;
                double yMean = y.Average();
                double slope = y.Select((v, i) => (i + 1 - tMean) * (v - yMean)).Sum() / Enumerable.Range(1, n).Sum(t => (t - tMean) * (t - tMean));
                return (Enumerable.Range(1, Horizon).Select(h => yMean + slope * (n + h - tMean)).ToArray(), ClosedFormTolerance);
            case ForecastMethod.Ets or ForecastMethod.Arima:
                if (!_r.Value.TryGetValue("unctad_exp_" + economy, out JsonElement r))
                {
                    Assert.True(n < RReferenceMinimumLength, $"{economy}: R's reference is missing for a series of {n} years");
                    return (null, 0.0);
                }
                // The fixture was made from the same extract: a changed extract must regenerate it, not pass unnoticed.
                Assert.Equal(r.GetProperty("y").Doubles(), y);
                double[] mean = r.GetProperty(method == ForecastMethod.Ets ? "ets_mean" : "arima_mean").Doubles();
                Assert.Equal(Horizon, mean.Length);
                return (mean, RTolerance);
            default:
                return (null, 0.0);
        }
    }
}
