namespace TradeGrid.Grains.Extrapolation;

/// <summary>A world job's committed write: its id, its place in the commit order, and the data versions the economies reported after applying it.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldJobWrite")]
public sealed record WorldJobWrite(
    [property: Id(0)] Guid WriteId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Dictionary<string, long> Versions);
