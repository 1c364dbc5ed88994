using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class RollingOriginTests
{
    // sMAPE and MASE recomputed here by hand in the same order: only rounding differs.
    private const double MetricTolerance = 1e-12;

    [Fact]
    public void Scores_every_origin_over_the_full_horizon_and_picks_the_lowest_smape()
    {
        // Arrange: a straight line with one jump; linear extrapolates it, naive and drift lag behind.
        double[] y = [100, 107, 114, 121, 128, 135, 142, 149, 156, 163, 170, 177, 184, 191];
        var rolling = new RollingOriginForecaster([new NaiveForecaster(), new LinearTrendForecaster(), new DriftForecaster()], origins: 2);

        // Act: horizon 4, so origins train on 14 − 4 − 2 + k = 9 and 10 observations and score 4 years each.
        HoldoutSelection selection = rolling.Select(y, 4, [80, 95], null);

        // Assert
        Assert.Equal("linear", selection.Winner);
        Assert.All(selection.Scores, s => Assert.Equal(2, s.Origins));
        double expectedNaive = 0.0;
        double expectedNaiveMase = 0.0;
        foreach (int train in new[] { 9, 10 })
        {
            double last = y[train - 1];
            double s = 0.0;
            double absolute = 0.0;
            for (int j = 0; j < 4; j++)
            {
                s += Math.Abs(y[train + j] - last) / (Math.Abs(y[train + j]) + Math.Abs(last));
                absolute += Math.Abs(y[train + j] - last);
            }
            expectedNaive += 200.0 / 4 * s / 2;
            expectedNaiveMase += absolute / 4 / 7.0 / 2;
        }
        AssertClose.Relative(expectedNaive, selection.Scores[0].Smape, MetricTolerance, "naive sMAPE");
        AssertClose.Relative(expectedNaiveMase, selection.Scores[0].Mase, MetricTolerance, "naive MASE");
        Assert.Equal("rolling", selection.Forecast.Method);
        Assert.Contains("over 4 years, 2 origins", selection.Forecast.Model, StringComparison.Ordinal);
        Assert.Equal(new[] { 198.0, 205.0, 212.0, 219.0 }, selection.Forecast.Point.Select(v => Math.Round(v, 9)).ToArray());
    }

    [Fact]
    public void Intervals_are_the_chosen_candidates_own()
    {
        double[] y = PwtLike();
        var rolling = new RollingOriginForecaster();

        HoldoutSelection selection = rolling.Select(y, 6, [80, 95], null);

        IForecaster winner = Forecaster.Create(Forecaster.Parse(selection.Winner));
        ForecastResult direct = winner.Forecast(y, 6, [80, 95]);
        Assert.Equal(direct.Point, selection.Forecast.Point);
        Assert.Equal(direct.Lower, selection.Forecast.Lower);
        Assert.Equal(direct.Upper, selection.Forecast.Upper);
        Assert.Equal(["naive", "drift", "ets", "arima", "theta", "combination", "etsarimadrift"], selection.Scores.Select(s => s.Method).ToArray());
        Assert.All(selection.Scores, s => Assert.Equal(3, s.Origins));
        Assert.Equal(selection.Scores.Min(s => s.Smape), selection.Scores.Single(s => s.Method == selection.Winner).Smape);
    }

    [Fact]
    public void Combination_scores_equal_a_combination_fitted_on_its_own_at_each_origin()
    {
        // The shared fits at each origin must give what fitting the combination alone gives.
        double[] y = PwtLike();
        var rolling = new RollingOriginForecaster([new EtsForecaster(), CombinationForecaster.EtsArimaDrift()], origins: 2);
        var alone = new RollingOriginForecaster([CombinationForecaster.EtsArimaDrift()], origins: 2);

        HoldoutSelection shared = rolling.Select(y, 5, [80], null);
        HoldoutSelection single = alone.Select(y, 5, [80], null);

        Assert.Equal(single.Scores[0].Smape, shared.Scores[1].Smape);
        Assert.Equal(single.Scores[0].Mase, shared.Scores[1].Mase);
    }

    [Fact]
    public void Short_series_use_fewer_origins_and_fall_back_to_the_last_candidate_below_one()
    {
        double[] y = PwtLike();

        // 14 points, h = 6, largest candidate minimum 7: 14 − 6 − 7 + 1 = 2 origins.
        HoldoutSelection two = new RollingOriginForecaster().Select(y[..14], 6, [80], null);
        // 12 points: 12 − 6 − 7 + 1 = 0 origins, so the fallback (etsarimadrift) without selection.
        HoldoutSelection none = new RollingOriginForecaster().Select(y[..12], 6, [80], null);

        Assert.All(two.Scores, s => Assert.Equal(2, s.Origins));
        Assert.Equal("etsarimadrift", none.Winner);
        Assert.All(none.Scores, s => Assert.NotNull(s.Failure));
        Assert.Equal(CombinationForecaster.EtsArimaDrift().Forecast(y[..12], 6, [80]).Point, none.Forecast.Point);
        Assert.Contains("without selection", none.Forecast.Model, StringComparison.Ordinal);
        Assert.Throws<InsufficientDataException>(() => new RollingOriginForecaster().Forecast(y[..6], 6, [80]));
    }

    [Fact]
    public void Final_fit_takes_the_callers_component_forecasts()
    {
        double[] y = PwtLike();
        var rolling = new RollingOriginForecaster([new DriftForecaster()]);
        ForecastResult supplied = new NaiveForecaster().Forecast(y, 3, [80]) with { Method = "drift" };

        HoldoutSelection selection = rolling.Select(y, 3, [80], _ => supplied);

        Assert.Equal(supplied.Point, selection.Forecast.Point);
    }

    [Fact]
    public void Spec_is_validated_with_the_valid_range()
    {
        Assert.Contains("at least 1", Assert.Throws<InvalidSpecException>(() => new RollingOriginForecaster(origins: 0)).Message, StringComparison.Ordinal);
        Assert.Contains("\"smape\" or \"mase\"", Assert.Throws<InvalidSpecException>(() => new RollingOriginForecaster(criterion: "mae")).Message, StringComparison.Ordinal);
        Assert.Equal(ForecastMethod.Rolling, Forecaster.Parse("rolling"));
    }

    /// <summary>A 30-year growing series with cycles (deterministic), like a PWT GDP series.</summary>
    private static double[] PwtLike() =>
        Enumerable.Range(0, 30).Select(t => 1000.0 * Math.Exp(0.03 * t + 0.05 * Math.Sin(t / 2.5)) + 10.0 * Math.Cos(1.7 * t)).ToArray();
}
