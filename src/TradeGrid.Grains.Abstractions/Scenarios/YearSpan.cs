namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>An economy with the years [From, To] it counts in (0: open), e.g. a group membership.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearSpan")]
public sealed record YearSpan(
    [property: Id(0)] string Economy,
    [property: Id(1)] int From,
    [property: Id(2)] int To)
{
    public bool Holds(int year) => (From == 0 || year >= From) && (To == 0 || year <= To);
}
