namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// One economy's series after a fill: values (NaN still missing), per year the <see cref="Numerics.Fill.FillMethod"/> and
/// <see cref="Numerics.Fill.FillFlag"/> as bytes, how many values were filled, the source recorded on them, and the data
/// version after the store (0 when nothing was stored).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.FillRecord")]
public sealed record FillRecord(
    [property: Id(0)] int[] Years,
    [property: Id(1)] double[] Values,
    [property: Id(2)] byte[] Methods,
    [property: Id(3)] byte[] Flags,
    [property: Id(4)] int FilledCount,
    [property: Id(5)] string Source,
    [property: Id(6)] long Version);
