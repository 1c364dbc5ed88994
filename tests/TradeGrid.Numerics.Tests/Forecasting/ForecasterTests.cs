using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class ForecasterTests
{
    // The dispatcher and the per-method class run the same code: results must be identical.
    private const double SameCodeTolerance = 0.0;

    // exp(log) round trip of the inputs before an ETS fit on logs.
    private const double LogRoundTripTolerance = 1e-9;

    public static IEnumerable<object[]> Methods => Enum.GetValues<ForecastMethod>().Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_gives_h_points_and_ordered_bounds_for_each_level(ForecastMethod method)
    {
        double[] y = RReference.Get("unctad_exp_ABW").Y();

        ForecastResult result = Forecaster.Forecast(y, method, 5, [50, 80, 95]);

        Assert.Equal(5, result.Point.Length);
        Assert.Equal([50.0, 80.0, 95.0], result.Levels);
        for (int j = 0; j < 5; j++)
        {
            Assert.True(double.IsFinite(result.Point[j]), $"{method} point h={j + 1}");
            Assert.True(result.Lower[2][j] <= result.Lower[1][j] && result.Lower[1][j] <= result.Lower[0][j], $"{method} lower bounds nest");
            Assert.True(result.Lower[0][j] <= result.Point[j] && result.Point[j] <= result.Upper[0][j], $"{method} point inside 50%");
            Assert.True(result.Upper[0][j] <= result.Upper[1][j] && result.Upper[1][j] <= result.Upper[2][j], $"{method} upper bounds nest");
        }
    }

    [Fact]
    public void Dispatcher_matches_the_method_class()
    {
        double[] y = RReference.Get("pwt_rgdpna_AUT").Y();

        ForecastResult viaEnum = Forecaster.Forecast(y, ForecastMethod.Ets, 6);
        ForecastResult direct = new EtsForecaster().Forecast(y, 6, [80, 95]);

        Assert.Equal(direct.Model, viaEnum.Model);
        for (int j = 0; j < 6; j++)
        {
            AssertClose.Absolute(direct.Point[j], viaEnum.Point[j], SameCodeTolerance, $"h={j + 1}");
        }
    }

    [Fact]
    public void Log_option_fits_on_logs_and_keeps_bounds_positive()
    {
        JsonElement r = RReference.Get("unctad_exp_ABW");
        double[] y = r.Y();

        ForecastResult onLogs = Forecaster.Forecast(y, ForecastMethod.Ets, 6, [95], logScale: true);
        ForecastResult direct = new EtsForecaster().Forecast(y.Select(v => Math.Log(v)).ToArray(), 6, [95]);

        Assert.EndsWith("on log scale", onLogs.Model, StringComparison.Ordinal);
        for (int j = 0; j < 6; j++)
        {
            AssertClose.Relative(Math.Exp(direct.Point[j]), onLogs.Point[j], LogRoundTripTolerance, $"h={j + 1}");
            Assert.True(onLogs.Lower[0][j] > 0, "exp keeps lower bounds positive");
        }
    }

    [Fact]
    public void Unknown_method_name_lists_the_valid_ones()
    {
        var ex = Assert.Throws<InvalidSpecException>(() => Forecaster.Parse("prophet"));

        Assert.Contains("naive, drift, cagr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_names_parse_to_their_enum_values()
    {
        foreach (ForecastMethod method in Enum.GetValues<ForecastMethod>())
        {
            Assert.Equal(method, Forecaster.Parse(Forecaster.MethodNames[(int)method].ToUpperInvariant()));
        }
    }

    [Fact]
    public void Missing_year_inside_the_series_is_refused()
    {
        double[] y = [1, 2, double.NaN, 4, 5, 6, 7, 8];

        var ex = Assert.Throws<InvalidSpecException>(() => Forecaster.Forecast(y, ForecastMethod.Drift, 3));

        Assert.Contains("y[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Specs_are_validated_at_construction_with_the_valid_range()
    {
        Assert.Contains("at least 2", Assert.Throws<InvalidSpecException>(() => new CagrForecaster(window: 1)).Message, StringComparison.Ordinal);
        Assert.Contains("no trend to damp", Assert.Throws<InvalidSpecException>(() => new EtsForecaster("AN", damped: true)).Message, StringComparison.Ordinal);
        Assert.Contains("error A, M or Z", Assert.Throws<InvalidSpecException>(() => new EtsForecaster("XAN")).Message, StringComparison.Ordinal);
        Assert.Contains("criterion", Assert.Throws<InvalidSpecException>(() => new HoldoutSelector(criterion: "rmse")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiplicative_ets_refuses_zeros_with_the_reason()
    {
        double[] y = [5, 6, 0, 7, 8, 9, 10, 11];

        var ex = Assert.Throws<InvalidSpecException>(() => new EtsForecaster("MNN").Forecast(y, 3, [80]));

        Assert.Contains("strictly positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Automatic_ets_skips_multiplicative_errors_on_non_positive_data()
    {
        double[] y = RReference.Get("syn_negative_14").Y();

        ForecastResult result = new EtsForecaster().Forecast(y, 3, [80]);

        Assert.StartsWith("ETS(A,", result.Model, StringComparison.Ordinal);
    }
}
