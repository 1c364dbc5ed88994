namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// Fixed effects of a fit. Economy effects are the reporter's; pair effects the (reporter, partner) pair's. Both lie
/// inside one economy grain (a pair's rows are held by its reporter), so the within transformation runs there.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.EffectsKind")]
public enum EffectsKind
{
    None = 0,
    Economy = 1,
    Year = 2,
    TwoWay = 3,
    Pair = 4,
    PairYear = 5,
}
