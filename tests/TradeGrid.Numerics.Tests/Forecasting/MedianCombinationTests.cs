using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class MedianCombinationTests
{
    // The combination sorts the same doubles the test sorts: identical, up to the halving of the middle pair.
    private const double SameArithmeticTolerance = 1e-15;

    private static readonly double[] Y = [100, 104, 103, 109, 115, 113, 120, 126, 124, 131, 138, 137, 145, 150];
    private static readonly double[] Levels = [80, 95];

    [Fact]
    public void Scum_points_and_bounds_are_the_medians_of_its_four_components()
    {
        ForecastResult[] parts =
        [
            new EtsForecaster().Forecast(Y, 6, Levels), new ArimaForecaster().Forecast(Y, 6, Levels),
            new DynamicOptimisedThetaForecaster().Forecast(Y, 6, Levels), new EtsForecaster("ZZN", damped: true).Forecast(Y, 6, Levels),
        ];

        ForecastResult scum = Forecaster.Forecast(Y, ForecastMethod.Scum, 6, Levels);

        Assert.Equal("scum", scum.Method);
        for (int h = 0; h < 6; h++)
        {
            AssertClose.Relative(MiddleTwo(parts.Select(p => p.Point[h])), scum.Point[h], SameArithmeticTolerance, $"point h={h + 1}");
            for (int i = 0; i < Levels.Length; i++)
            {
                AssertClose.Relative(MiddleTwo(parts.Select(p => p.Lower[i][h])), scum.Lower[i][h], SameArithmeticTolerance, $"lower {Levels[i]} h={h + 1}");
                AssertClose.Relative(MiddleTwo(parts.Select(p => p.Upper[i][h])), scum.Upper[i][h], SameArithmeticTolerance, $"upper {Levels[i]} h={h + 1}");
            }
        }
    }

    [Fact]
    public void Scum_as_published_is_the_median_of_ets_ces_arima_and_dotm()
    {
        ForecastResult[] parts =
        [
            new EtsForecaster().Forecast(Y, 6, Levels), new ComplexExponentialSmoothingForecaster().Forecast(Y, 6, Levels),
            new ArimaForecaster().Forecast(Y, 6, Levels), new DynamicOptimisedThetaForecaster().Forecast(Y, 6, Levels),
        ];

        ForecastResult scum = Forecaster.Forecast(Y, ForecastMethod.ScumCes, 6, Levels);

        Assert.Equal("scumces", scum.Method);
        Assert.Contains("CES(", scum.Model, StringComparison.Ordinal);
        for (int h = 0; h < 6; h++)
        {
            AssertClose.Relative(MiddleTwo(parts.Select(p => p.Point[h])), scum.Point[h], SameArithmeticTolerance, $"point h={h + 1}");
            AssertClose.Relative(MiddleTwo(parts.Select(p => p.Upper[1][h])), scum.Upper[1][h], SameArithmeticTolerance, $"upper 95 h={h + 1}");
        }
    }

    [Fact]
    public void An_odd_number_of_components_gives_the_middle_one_and_an_outlier_does_not_move_it()
    {
        IForecaster[] components = [new NaiveForecaster(), new DriftForecaster(), new LinearTrendForecaster()];
        double[] spiked = [.. Y[..^1], 400.0];

        ForecastResult median = new MedianCombinationForecaster(components, "median3").Forecast(spiked, 3, Levels);

        double[][] points = components.Select(c => c.Forecast(spiked, 3, Levels).Point).ToArray();
        for (int h = 0; h < 3; h++)
        {
            double[] sorted = points.Select(p => p[h]).Order().ToArray();
            Assert.Equal(sorted[1], median.Point[h]);
        }
    }

    [Fact]
    public void Components_supplied_by_the_caller_are_used_as_given()
    {
        var combination = new MedianCombinationForecaster([new NaiveForecaster(), new DriftForecaster()], "pair");
        ForecastResult naive = new NaiveForecaster().Forecast(Y, 2, Levels);
        ForecastResult drift = new DriftForecaster().Forecast(Y, 2, Levels);
        int fits = 0;

        ForecastResult result = combination.Forecast(Y, 2, Levels, c =>
        {
            fits++;
            return c.Name == "naive" ? naive : drift;
        });

        Assert.Equal(2, fits);
        AssertClose.Relative(0.5 * (naive.Point[1] + drift.Point[1]), result.Point[1], SameArithmeticTolerance, "h=2");
    }

    private static double MiddleTwo(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return 0.5 * (sorted[1] + sorted[2]);
    }
}
