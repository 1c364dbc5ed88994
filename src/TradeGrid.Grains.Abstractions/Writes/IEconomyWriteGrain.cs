using Orleans.Concurrency;

namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>
/// The write protocol's part of the economy grain (same key, same data as <see cref="Economy.IEconomyGrain"/>). Staged rows are
/// stored but not shown; <see cref="Apply"/> merges them after the ledger committed the write, <see cref="Discard"/>
/// drops them after an abort. Before serving any other call, an economy that holds staged rows asks the ledger for
/// their outcome (committed: apply first; aborted or unknown: discard; undecided: serve the data as it was).
/// </summary>
[Alias("TradeGrid.IEconomyWriteGrain")]
public interface IEconomyWriteGrain : IGrainWithStringKey
{
    /// <summary>Stores rows under a write id without showing them; staging the same id again replaces its rows.</summary>
    [Alias("Stage")]
    ValueTask Stage(Guid writeId, Immutable<ObservationBatch> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a committed write (and any other staged write the ledger committed, all in sequence order) and returns
    /// the data version after it. A write already applied returns the current version.
    /// </summary>
    [Alias("Apply")]
    ValueTask<long> Apply(Guid writeId, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Drops the rows staged under an aborted write id (none: nothing to do).</summary>
    [Alias("Discard")]
    ValueTask Discard(Guid writeId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the writes staged here and not yet applied or discarded.</summary>
    [Alias("GetStaged")]
    ValueTask<Guid[]> GetStaged(CancellationToken cancellationToken = default);
}
