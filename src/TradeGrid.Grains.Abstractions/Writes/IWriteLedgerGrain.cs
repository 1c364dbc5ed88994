using Orleans.Concurrency;

namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>
/// The commit point of every multi-economy write: one grain (key <see cref="DefaultKey"/>), non-reentrant, with
/// durable state. A write is begun, staged in every economy it touches, then committed here with a sequence number;
/// that record is what makes it happen. Economies holding staged rows ask here for the outcome and apply committed
/// writes in sequence order. The ledger calls no other grain, so an economy may call it while serving a call.
/// </summary>
[Alias("TradeGrid.IWriteLedgerGrain")]
public interface IWriteLedgerGrain : IGrainWithStringKey
{
    const string DefaultKey = "writes";

    /// <summary>Records that a write is being prepared. Only a begun write can commit.</summary>
    [Alias("Begin")]
    ValueTask Begin(Guid writeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The commit point: records the write as committed with the next sequence number and the economies that staged
    /// it (kept until each has acknowledged). Throws <see cref="WriteAbortedException"/> when the write is no longer
    /// being prepared (aborted, or abandoned past its lease); then nothing was written.
    /// </summary>
    [Alias("Commit")]
    ValueTask<long> Commit(Guid writeId, string[] economies, CancellationToken cancellationToken = default);

    /// <summary>Aborts a write being prepared. Returns its status afterwards: aborted, or committed if it already was.</summary>
    [Alias("Abort")]
    ValueTask<WriteStatus> Abort(Guid writeId, CancellationToken cancellationToken = default);

    /// <summary>The outcome of each write: committed (with its sequence), undecided (still being prepared) or aborted.</summary>
    [Alias("GetStatuses")]
    ValueTask<WriteStatus[]> GetStatuses(Guid[] writeIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the ledger remembers of one write, for a caller who lost the answer: committed, undecided, aborted, or
    /// null when it does not know the id (never begun, or decided before the writes it remembers).
    /// </summary>
    [Alias("Find"), ReadOnly]
    ValueTask<WriteStatus?> Find(Guid writeId, CancellationToken cancellationToken = default);

    /// <summary>The economies have applied (or discarded) the write; once all have, its record is pruned.</summary>
    [Alias("Acknowledge")]
    ValueTask Acknowledge(Guid writeId, string[] economies, CancellationToken cancellationToken = default);

    /// <summary>Writes begun and not decided, and committed writes not yet acknowledged by every economy.</summary>
    [Alias("GetPending")]
    ValueTask<WriteLedgerCounts> GetPending(CancellationToken cancellationToken = default);
}
