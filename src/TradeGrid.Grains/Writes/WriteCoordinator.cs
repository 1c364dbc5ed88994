using System.Collections.Concurrent;
using Orleans.Concurrency;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// Makes a write to many economies happen whole or not at all (docs/writes.md). BEGIN: the ledger notes the write id.
/// PREPARE: every economy stages its rows (stored, invisible). COMMIT POINT: the ledger records the write as committed
/// with a sequence number. APPLY: every economy merges its staged rows; then the ledger is told, and prunes the record.
/// The caller's cancellation counts up to the commit point (the write is aborted and staged rows discarded: nothing
/// written); after it the write completes with no token. An economy the apply does not reach applies the write at its
/// next call or activation. A plain class: it runs where the gateway calls it.
/// </summary>
public sealed class WriteCoordinator(IGrainFactory grains, IWriteHooks hooks)
{
    public WriteCoordinator(IGrainFactory grains)
        : this(grains, WriteHooks.None)
    {
    }

    private IWriteLedgerGrain Ledger => grains.WriteLedger();

    /// <summary>Stages, commits and applies rows per economy: the whole protocol for a write whose rows are known.</summary>
    public Task<WriteReceipt> WriteAsync(IReadOnlyDictionary<string, ObservationBatch> rows, CancellationToken cancellationToken) =>
        StageAndCommitAsync(rows.Keys.ToArray(), async writeId =>
        {
            await Parallel.ForEachAsync(rows, Bounded(cancellationToken), async (kv, ct) =>
                await grains.EconomyWrites(kv.Key).Stage(writeId, new Immutable<ObservationBatch>(kv.Value), ct));
            return rows.Keys.ToArray();
        }, cancellationToken);

    /// <summary>
    /// Begins a write, lets <paramref name="stage"/> have the economies stage their rows under its id (it returns
    /// those that staged any), then commits and applies it. If staging fails or is cancelled, the write is aborted and
    /// whatever <paramref name="candidates"/> staged is discarded.
    /// </summary>
    public async Task<WriteReceipt> StageAndCommitAsync(
        IReadOnlyCollection<string> candidates, Func<Guid, Task<string[]>> stage, CancellationToken cancellationToken)
    {
        Guid writeId = await BeginAsync(cancellationToken);
        string[] staged;
        try
        {
            staged = await stage(writeId);
        }
        catch
        {
            await AbortAsync(writeId, candidates);
            throw;
        }
        return await CommitAsync(writeId, staged, cancellationToken);
    }

    /// <summary>Begins a write whose rows the economies stage themselves (stored forecasts, fills, predictions).</summary>
    public async Task<Guid> BeginAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var writeId = Guid.NewGuid();
        WriteTicket? ticket = WriteTicket.Current;
        ticket?.Begun(writeId);
        await Ledger.Begin(writeId, CancellationToken.None);
        if (ticket is not null)
        {
            await ticket.AnnounceAsync(writeId);
        }
        return writeId;
    }

    /// <summary>
    /// Commits a write that <paramref name="staged"/> have staged, then applies it everywhere. Before the commit point
    /// a cancelled token aborts it (the staged rows are discarded, <see cref="OperationCanceledException"/> thrown);
    /// after it nothing the caller does stops it.
    /// </summary>
    public async Task<WriteReceipt> CommitAsync(Guid writeId, string[] staged, CancellationToken cancellationToken)
    {
        long sequence;
        try
        {
            // Noted before the commit point: a reader that took its token after this and then reads these economies'
            // versions finds the rows staged (undecided) or applied, never the old version as if nothing were coming.
            await grains.ChangeBoard().Note(staged, CancellationToken.None);
            await hooks.BeforeCommitAsync(writeId, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            sequence = await Ledger.Commit(writeId, staged, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not WriteAbortedException)
        {
            // A commit whose answer was lost may have been recorded: the ledger's answer to the abort says which.
            WriteStatus status = await AbortAsync(writeId, staged);
            if (status.Decision != WriteDecision.Committed)
            {
                throw;
            }
            sequence = status.Sequence;
        }
        catch (WriteAbortedException)
        {
            await DiscardAsync(writeId, staged);
            throw;
        }

        WriteTicket.Current?.CommittedAt(sequence);
        await hooks.AfterCommitAsync(writeId);
        var versions = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(staged, Bounded(CancellationToken.None), async (economy, ct) =>
        {
            try
            {
                versions[economy] = await grains.EconomyWrites(economy).Apply(writeId, sequence, ct);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Committed all the same: the economy applies it at its next call or activation (it asks the ledger).
            }
        });
        await Ledger.Acknowledge(writeId, versions.Keys.ToArray(), CancellationToken.None);
        var receipt = new WriteReceipt(writeId, sequence, new Dictionary<string, long>(versions, StringComparer.Ordinal));
        WriteTicket.Current?.Applied(receipt.Versions);
        return receipt;
    }

    /// <summary>
    /// Aborts a write before its commit point and discards what was staged (best effort: an economy not reached
    /// discards the rows itself when it next asks the ledger). Returns the ledger's status: committed if it already was.
    /// </summary>
    public async Task<WriteStatus> AbortAsync(Guid writeId, IEnumerable<string> touched)
    {
        WriteStatus status = await Ledger.Abort(writeId, CancellationToken.None);
        if (status.Decision != WriteDecision.Committed)
        {
            await DiscardAsync(writeId, touched);
        }
        return status;
    }

    private async Task DiscardAsync(Guid writeId, IEnumerable<string> touched)
    {
        await Parallel.ForEachAsync(touched, Bounded(CancellationToken.None), async (economy, ct) =>
        {
            try
            {
                await grains.EconomyWrites(economy).Discard(writeId, ct);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Left staged: the economy drops the rows at its next call, when the ledger answers "aborted".
            }
        });
    }

    /// <summary>
    /// Calls in flight at once. Hundreds at a time only queue behind grain storage and, on a loaded machine, can
    /// outlast the call timeout; a few per core keep every core busy.
    /// </summary>
    private static ParallelOptions Bounded(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 4 * Environment.ProcessorCount, CancellationToken = cancellationToken };
}
