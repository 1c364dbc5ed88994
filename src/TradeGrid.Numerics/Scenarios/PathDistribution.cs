namespace TradeGrid.Numerics.Scenarios;

/// <summary>One year's distribution over the paths: mean, sample SD (n − 1) and the type-7 quantiles, one per probability asked.</summary>
public sealed record PathDistribution(double Mean, double Sd, double[] Quantiles);
