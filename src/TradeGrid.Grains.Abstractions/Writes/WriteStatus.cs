namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>A write's outcome as the ledger knows it; <see cref="Sequence"/> orders committed writes (0 otherwise).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WriteStatus")]
public sealed record WriteStatus([property: Id(0)] WriteDecision Decision, [property: Id(1)] long Sequence)
{
    public static readonly WriteStatus Aborted = new(WriteDecision.Aborted, 0);

    public static readonly WriteStatus Undecided = new(WriteDecision.Undecided, 0);
}
