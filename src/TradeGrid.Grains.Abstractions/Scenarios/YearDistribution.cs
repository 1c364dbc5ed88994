using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>The numerics' <see cref="PathDistribution"/> as it crosses grain calls: mean, SD and the quantiles asked, in order.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearDistribution")]
public sealed record YearDistribution(
    [property: Id(0)] double Mean,
    [property: Id(1)] double Sd,
    [property: Id(2)] double[] Quantiles)
{
    public static YearDistribution From(PathDistribution d) => new(d.Mean, d.Sd, d.Quantiles);
}
