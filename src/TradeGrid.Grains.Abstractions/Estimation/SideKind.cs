namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Whose series a variable of a bilateral row reads: the reporter's, the partner's, or the pair's own bilateral series.</summary>
[GenerateSerializer, Alias("TradeGrid.SideKind")]
public enum SideKind
{
    Reporter = 0,
    Partner = 1,
    Pair = 2,
}
