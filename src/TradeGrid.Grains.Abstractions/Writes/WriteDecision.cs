namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>Where a write stands. A write the ledger does not know was aborted (or never begun): nothing of it is shown.</summary>
public enum WriteDecision
{
    /// <summary>Being prepared: readers see the data as it was before.</summary>
    Undecided = 0,

    /// <summary>Committed: every economy it touches shows it.</summary>
    Committed = 1,

    /// <summary>Aborted, abandoned or unknown: no economy shows it.</summary>
    Aborted = 2,
}
