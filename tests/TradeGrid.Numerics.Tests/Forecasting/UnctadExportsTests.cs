using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// Every UNCTAD digitally deliverable services export series in ../shared/data (2010–2023, 2 to 14
/// observations), read at test time. Every method must forecast every complete series long enough
/// for it, and refuse shorter ones with its minimum; zeros or gaps must be refused with an InvalidSpecException.
/// </summary>
public sealed class UnctadExportsTests
{
    public static IEnumerable<object[]> Methods => Enum.GetValues<ForecastMethod>().Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_series_is_forecast_or_refused_with_a_reason(ForecastMethod method)
    {
        var all = SharedData.Series("unctad_digitally_deliverable_services_trade.csv", "UNCTAD_DE_DIG_SERVTRADE_ANN_EXP");
        IForecaster forecaster = Forecaster.Create(method);
        int forecast = 0;
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
                var ex = Assert.Throws<InsufficientDataException>(() => forecaster.Forecast(y, 6, [80, 95]));
                Assert.Contains($"at least {forecaster.MinimumObservations}", ex.Message, StringComparison.Ordinal);
                continue;
            }
            if (needsPositive && !positive)
            {
                Assert.Throws<InvalidSpecException>(() => forecaster.Forecast(y, 6, [80, 95]));
                continue;
            }

            ForecastResult result = forecaster.Forecast(y, 6, [80, 95]);

            Assert.True(result.Point.All(double.IsFinite), $"{name} {method}: non-finite point forecast");
            Assert.True(result.Lower.All(row => row.All(double.IsFinite)) && result.Upper.All(row => row.All(double.IsFinite)), $"{name} {method}: non-finite bound");
            forecast++;
        }
        Assert.True(forecast * stride >= 150, $"{method}: only {forecast} series forecast");
    }
}
