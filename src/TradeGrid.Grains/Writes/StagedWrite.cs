using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Writes;

/// <summary>Rows an economy holds for a write that is not yet committed: stored with the economy's state, shown to no reader.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.StagedWrite")]
public sealed record StagedWrite([property: Id(0)] Guid WriteId, [property: Id(1)] ObservationBatch Rows);
