using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// The ledger of multi-economy writes (see <see cref="IWriteLedgerGrain"/>). Every change is stored before it is
/// answered, with no cancellation token: a commit the caller gave up on is still either recorded or not, never half.
/// A stored change that fails is rolled back by reading the stored state again, so memory never runs ahead of storage.
/// </summary>
public sealed class WriteLedgerGrain(
    [PersistentState("writes", StorageNames.Provider)] IPersistentState<WriteLedgerState> state) : Grain, IWriteLedgerGrain
{
    /// <summary>
    /// How long a begun write may take to commit. A coordinator that died while preparing leaves staged rows that
    /// readers ignore (undecided); past the lease the write is aborted at the next question and the rows discarded.
    /// Long on purpose: a live coordinator past it has its commit refused (nothing written), which is safe but wasteful.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    // A host may register a TimeProvider (tests move the clock past the lease); the system clock otherwise.
    private TimeProvider Clock => ServiceProvider.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    public async ValueTask Begin(Guid writeId, CancellationToken cancellationToken)
    {
        await ChangeAsync(s => s.Preparing[writeId] = Clock.GetUtcNow() + Lease);
    }

    public async ValueTask<long> Commit(Guid writeId, string[] economies, CancellationToken cancellationToken)
    {
        if (state.State.Committed.TryGetValue(writeId, out CommittedWrite? known))
        {
            return known.Sequence;
        }
        if (state.State.Recent.TryGetValue(writeId, out long applied) && applied > 0)
        {
            return applied;
        }
        if (!state.State.Preparing.TryGetValue(writeId, out DateTimeOffset expires) || expires < Clock.GetUtcNow())
        {
            throw new WriteAbortedException(
                $"write {writeId} was aborted before its commit (cancelled, failed, or prepared for longer than {Lease.TotalMinutes} minutes); nothing was written, send it again");
        }
        long sequence = state.State.LastSequence + 1;
        await ChangeAsync(s =>
        {
            s.Preparing.Remove(writeId);
            s.LastSequence = sequence;
            if (economies.Length > 0)
            {
                s.Committed[writeId] = new CommittedWrite { Sequence = sequence, Unacknowledged = new HashSet<string>(economies, StringComparer.Ordinal) };
            }
            else
            {
                s.Remember(writeId, sequence);
            }
        });
        return sequence;
    }

    public async ValueTask<WriteStatus> Abort(Guid writeId, CancellationToken cancellationToken)
    {
        if (CommittedSequence(writeId) is long sequence)
        {
            return new WriteStatus(WriteDecision.Committed, sequence);
        }
        if (state.State.Preparing.ContainsKey(writeId))
        {
            await ChangeAsync(s =>
            {
                s.Preparing.Remove(writeId);
                s.Remember(writeId, 0);
            });
        }
        return WriteStatus.Aborted;
    }

    public async ValueTask<WriteStatus[]> GetStatuses(Guid[] writeIds, CancellationToken cancellationToken)
    {
        DateTimeOffset now = Clock.GetUtcNow();
        Guid[] expired = writeIds.Where(id => state.State.Preparing.TryGetValue(id, out DateTimeOffset expires) && expires < now).ToArray();
        if (expired.Length > 0)
        {
            // Abandoned while preparing: aborting it here is what lets the economies discard its rows.
            await ChangeAsync(s => Array.ForEach(expired, id =>
            {
                s.Preparing.Remove(id);
                s.Remember(id, 0);
            }));
        }
        return writeIds.Select(id => CommittedSequence(id) is long sequence
            ? new WriteStatus(WriteDecision.Committed, sequence)
            : state.State.Preparing.ContainsKey(id) ? WriteStatus.Undecided : WriteStatus.Aborted).ToArray();
    }

    /// <summary>The sequence of a committed write, whether some economy has yet to apply it or all have; else null.</summary>
    private long? CommittedSequence(Guid writeId) =>
        state.State.Committed.TryGetValue(writeId, out CommittedWrite? committed) ? committed.Sequence
        : state.State.Recent.TryGetValue(writeId, out long sequence) && sequence > 0 ? sequence
        : null;

    public async ValueTask Acknowledge(Guid writeId, string[] economies, CancellationToken cancellationToken)
    {
        if (!state.State.Committed.TryGetValue(writeId, out CommittedWrite? committed) || !economies.Any(committed.Unacknowledged.Contains))
        {
            return;
        }
        await ChangeAsync(s =>
        {
            var left = new HashSet<string>(committed.Unacknowledged, StringComparer.Ordinal);
            left.ExceptWith(economies);
            if (left.Count == 0)
            {
                s.Committed.Remove(writeId);
                s.Remember(writeId, committed.Sequence);
            }
            else
            {
                s.Committed[writeId] = new CommittedWrite { Sequence = committed.Sequence, Unacknowledged = left };
            }
        });
    }

    public ValueTask<WriteStatus?> Find(Guid writeId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CommittedSequence(writeId) is long sequence ? new WriteStatus(WriteDecision.Committed, sequence)
            : state.State.Preparing.TryGetValue(writeId, out DateTimeOffset expires) ? (expires < Clock.GetUtcNow() ? WriteStatus.Aborted : WriteStatus.Undecided)
            : state.State.Recent.ContainsKey(writeId) ? WriteStatus.Aborted
            : null);

    public ValueTask<WriteLedgerCounts> GetPending(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new WriteLedgerCounts(state.State.Preparing.Count, state.State.Committed.Count, state.State.LastSequence));

    /// <summary>Changes the state and stores it; if storing fails, the stored state is read back and the error rethrown.</summary>
    private async Task ChangeAsync(Action<WriteLedgerState> change)
    {
        change(state.State);
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch
        {
            await state.ReadStateAsync(CancellationToken.None);
            throw;
        }
    }
}
