using TradeGrid.Domain;
using TradeGrid.Numerics.Fill;

namespace TradeGrid.Numerics.Tests.Fill;

public sealed class GapFillRefusalTests
{
    private static readonly int[] Years = [2018, 2019, 2020, 2021, 2022];

    [Fact]
    public void A_proxy_missing_in_years_the_fill_needs_is_insufficient_data_naming_economy_and_years()
    {
        double[] target = [double.NaN, 5.0, double.NaN, double.NaN, double.NaN];
        double[] proxy = [1.0, 2.0, double.NaN, 4.0, -1.0];

        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(
            () => GapFill.ByProxy("VNM", Years, target, proxy, BetweenKnown.Chain));

        Assert.Contains("VNM", ex.Message);
        Assert.Contains("2020, 2022", ex.Message); // missing in 2020, not positive in 2022
        Assert.DoesNotContain("2021", ex.Message);
    }

    [Fact]
    public void Only_the_proxy_years_a_fill_uses_are_required()
    {
        double[] proxy = [1.0, 2.0, 3.0, double.NaN, 5.0];

        // 2019 chains from 2018 (a tie goes to the earlier year): the gap in the proxy in 2021 does not matter...
        FilledSeries filled = GapFill.ByProxy("THA", Years, [1.0, double.NaN, 3.0, 4.0, 5.0], proxy, BetweenKnown.Chain);
        // ...until 2022 must be carried forward from 2021.
        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(
            () => GapFill.ByProxy("THA", Years, [1.0, double.NaN, 3.0, 4.0, double.NaN], proxy, BetweenKnown.Chain));

        Assert.Equal(2.0, filled.Values[1]);
        Assert.Contains("THA", ex.Message);
        Assert.Contains("in 2021,", ex.Message);
    }

    [Fact]
    public void Proxy_ends_for_an_interpolation_need_the_proxy_in_those_years()
    {
        double[] target = [double.NaN, 5.0, double.NaN, 7.0, double.NaN];
        double[] proxy = [double.NaN, 2.0, double.NaN, 4.0, 5.0];

        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(
            () => GapFill.Interpolate("KHM", Years, target, InterpolationKind.Linear, EndFill.Proxy, proxy));

        Assert.Contains("KHM", ex.Message);
        Assert.Contains("in 2018,", ex.Message);
        Assert.DoesNotContain("2020", ex.Message); // interior years are interpolated, not carried by the proxy
    }

    [Fact]
    public void A_series_without_any_known_value_is_insufficient_data()
    {
        double[] nothing = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];

        InsufficientDataException byProxy = Assert.Throws<InsufficientDataException>(
            () => GapFill.ByProxy("LAO", Years, nothing, [1.0, 2.0, 3.0, 4.0, 5.0], BetweenKnown.Spread));
        InsufficientDataException interpolated = Assert.Throws<InsufficientDataException>(
            () => GapFill.Interpolate("LAO", Years, nothing, InterpolationKind.Linear, EndFill.None));

        Assert.Contains("LAO", byProxy.Message);
        Assert.Contains("2018–2022", interpolated.Message);
    }

    [Fact]
    public void Spread_across_a_non_positive_known_value_is_refused_pointing_to_chain()
    {
        double[] target = [-2.0, double.NaN, 3.0, 4.0, 5.0];

        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(
            () => GapFill.ByProxy("BRN", Years, target, [1.0, 2.0, 3.0, 4.0, 5.0], BetweenKnown.Spread));

        Assert.Contains("BRN", ex.Message);
        Assert.Contains("2018", ex.Message);
        Assert.Contains("Chain", ex.Message);
    }

    [Fact]
    public void Log_linear_across_a_non_positive_known_value_is_refused_pointing_to_linear()
    {
        double[] target = [1.0, 0.0, double.NaN, 4.0, 5.0];

        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(
            () => GapFill.Interpolate("MMR", Years, target, InterpolationKind.LogLinear, EndFill.None));

        Assert.Contains("2019", ex.Message);
        Assert.Contains("Linear", ex.Message);
    }

    [Fact]
    public void Cagr_ends_need_two_known_values()
    {
        double[] target = [double.NaN, double.NaN, 3.0, double.NaN, double.NaN];

        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(
            () => GapFill.Interpolate("NZL", Years, target, InterpolationKind.Linear, EndFill.LastCagr));

        Assert.Contains("NZL", ex.Message);
        Assert.Contains("2020", ex.Message);
    }

    [Fact]
    public void Cagr_ends_across_a_non_positive_known_value_are_refused()
    {
        double[] target = [double.NaN, -1.0, 3.0, double.NaN, double.NaN];

        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(
            () => GapFill.Interpolate("PHL", Years, target, InterpolationKind.Linear, EndFill.LastCagr));

        Assert.Contains("PHL", ex.Message);
    }

    [Fact]
    public void Proxy_ends_without_a_proxy_are_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(
            () => GapFill.Interpolate("SGP", Years, [1.0, 2.0, 3.0, 4.0, double.NaN], InterpolationKind.Linear, EndFill.Proxy));
    }

    [Fact]
    public void Years_out_of_order_are_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(
            () => GapFill.ByProxy("SGP", [2019, 2018], [1.0, double.NaN], [1.0, 2.0], BetweenKnown.Chain));
    }
}
