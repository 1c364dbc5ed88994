namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>A moment of the change board: its activation and how many notes it had taken by then.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ChangeToken")]
public sealed record ChangeToken([property: Id(0)] Guid Board, [property: Id(1)] long Notes);
