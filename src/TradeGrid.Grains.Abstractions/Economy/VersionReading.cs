namespace TradeGrid.Grains.Abstractions.Economy;

/// <summary>An economy's data version, and whether it holds rows of a write not yet decided (which may still change it).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.VersionReading")]
public sealed record VersionReading([property: Id(0)] long Version, [property: Id(1)] bool WritePending);
