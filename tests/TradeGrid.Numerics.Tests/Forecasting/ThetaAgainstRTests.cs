using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class ThetaAgainstRTests
{
    // SES is fitted by the same Nelder–Mead on the same MSE criterion as R's ets(opt.crit = "mse");
    // the same 1e-4 target as ETS point forecasts.
    private const double Tolerance = 1e-4;

    public static IEnumerable<object[]> ThetaSeries => RReference.Names("theta");

    [Theory]
    [MemberData(nameof(ThetaSeries))]
    public void Theta_matches_forecast_thetaf(string name)
    {
        JsonElement r = RReference.Get(name);
        JsonElement theta = r.GetProperty("theta");

        ForecastResult result = new ThetaForecaster().Forecast(r.Y(), r.H(), r.Levels());

        AssertClose.Relative(theta.GetProperty("drift").GetDouble(), result.Parameters[1], 1e-9, $"{name} drift");
        RReference.AssertForecastMatches(theta, result, Tolerance, name);
    }
}
