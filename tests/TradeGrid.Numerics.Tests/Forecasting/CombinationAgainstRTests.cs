using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// etsarima (mean of ETS and ARIMA) and etsarimadrift (mean of ETS, ARIMA and drift) against
/// fixtures/forecasting/combination_reference.json, written by make_combination_fixtures.R beside it from R's
/// forecast(ets(y)), forecast(auto.arima(y)) and rwf(y, drift = TRUE); trimmed by its definition.
/// </summary>
public sealed class CombinationAgainstRTests
{
    // A mean of components each held to R at 1e-4 (points) and 2e-4 (ARIMA's bounds: ArimaAgainstRTests): the
    // looser of the two bounds the mean.
    private const double Tolerance = 2e-4;

    // The trimmed mean sorts and adds the same doubles the test does.
    private const double SameArithmeticTolerance = 1e-14;

    private static readonly double[] Levels = [80, 95];

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/combination_reference").GetProperty("series").EnumerateArray().ToArray());

    public static IEnumerable<object[]> Cases() =>
        from s in _series.Value
        from method in new[] { "etsarima", "etsarimadrift" }
        select new object[] { s.GetProperty("name").GetString()!, method };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forecast_matches_the_mean_of_rs_components(string name, string method)
    {
        JsonElement r = _series.Value.Single(s => s.GetProperty("name").GetString() == name);

        ForecastResult result = Forecaster.Forecast(r.Y(), Forecaster.Parse(method), r.H(), r.Levels());

        Assert.Equal(method, result.Method);
        RReference.AssertForecastMatches(r.GetProperty(method), result, Tolerance, $"{name} {method}");
    }

    [Fact]
    public void Trimmed_drops_the_highest_and_lowest_of_five_at_each_horizon_and_bound()
    {
        double[] y = [100, 104, 103, 109, 115, 113, 120, 126, 124, 131, 138, 137, 145, 150];
        ForecastResult[] parts =
        [
            new EtsForecaster().Forecast(y, 6, Levels), new ArimaForecaster().Forecast(y, 6, Levels),
            new DynamicOptimisedThetaForecaster().Forecast(y, 6, Levels), new EtsForecaster("ZZN", damped: true).Forecast(y, 6, Levels),
            new DriftForecaster().Forecast(y, 6, Levels),
        ];

        ForecastResult trimmed = Forecaster.Forecast(y, ForecastMethod.Trimmed, 6, Levels);

        Assert.Equal("trimmed", trimmed.Method);
        for (int h = 0; h < 6; h++)
        {
            AssertClose.Relative(MiddleThree(parts.Select(p => p.Point[h])), trimmed.Point[h], SameArithmeticTolerance, $"point h={h + 1}");
            for (int i = 0; i < Levels.Length; i++)
            {
                AssertClose.Relative(MiddleThree(parts.Select(p => p.Lower[i][h])), trimmed.Lower[i][h], SameArithmeticTolerance, $"lower {Levels[i]} h={h + 1}");
                AssertClose.Relative(MiddleThree(parts.Select(p => p.Upper[i][h])), trimmed.Upper[i][h], SameArithmeticTolerance, $"upper {Levels[i]} h={h + 1}");
                Assert.True(trimmed.Lower[i][h] <= trimmed.Point[h] && trimmed.Point[h] <= trimmed.Upper[i][h], $"level {Levels[i]} h={h + 1} contains the point");
            }
            Assert.True(trimmed.Lower[1][h] <= trimmed.Lower[0][h] && trimmed.Upper[0][h] <= trimmed.Upper[1][h], $"95% contains 80% at h={h + 1}");
        }
    }

    [Fact]
    public void One_wild_component_does_not_move_a_trimmed_mean_of_three()
    {
        IForecaster[] components = [new NaiveForecaster(), new DriftForecaster(), new LinearTrendForecaster()];
        double[] y = [10, 11, 12, 13, 14, 15, 16, 17, 18, 60];

        ForecastResult trimmed = new CombinationForecaster(components, "trimmed3", trim: 1).Forecast(y, 3, Levels);

        double[][] points = components.Select(c => c.Forecast(y, 3, Levels).Point).ToArray();
        for (int h = 0; h < 3; h++)
        {
            Assert.Equal(points.Select(p => p[h]).Order().ElementAt(1), trimmed.Point[h]);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void A_trim_that_leaves_nothing_to_average_is_refused(int trim)
    {
        var ex = Assert.Throws<InvalidSpecException>(() => new CombinationForecaster([new NaiveForecaster(), new DriftForecaster(), new EtsForecaster()], "t", trim));

        Assert.Contains("trim must be in [0, 1]", ex.Message, StringComparison.Ordinal);
    }

    private static double MiddleThree(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return (sorted[1] + sorted[2] + sorted[3]) / 3.0;
    }
}
