using Orleans.Concurrency;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// The economy's part of the atomic write protocol (<see cref="WriteCoordinator"/>): rows are staged under a write id
/// and stored, but readers see the series as they were until the ledger has committed the write. Before serving any
/// call (and on activation: the recovery rule), an economy holding staged rows asks the ledger what became of them:
/// committed writes are applied in commit order, aborted or unknown ones discarded, undecided ones left staged.
/// </summary>
public sealed partial class EconomyGrain : IEconomyWriteGrain, IIncomingGrainCallFilter
{
    private IWriteLedgerGrain Ledger => GrainFactory.WriteLedger();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A write committed while this economy was inactive (or lost its activation half-way) is applied before the
        // first call is served; one that never committed is dropped.
        if (State.Staged.Count > 0)
        {
            await ResolveAsync(Guid.Empty, 0);
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (State.Staged.Count > 0 && context.InterfaceMethod?.DeclaringType != typeof(IEconomyWriteGrain))
        {
            await ResolveAsync(Guid.Empty, 0);
        }
        await context.Invoke();
    }

    public async ValueTask Stage(Guid writeId, Immutable<ObservationBatch> rows, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        await StageAsync(writeId, rows.Value);
    }

    public async ValueTask<long> Apply(Guid writeId, long sequence, CancellationToken cancellationToken)
    {
        await ResolveAsync(writeId, sequence);
        return State.Version;
    }

    public async ValueTask Discard(Guid writeId, CancellationToken cancellationToken)
    {
        if (State.Staged.Any(s => s.WriteId == writeId))
        {
            State.Staged = State.Staged.Where(s => s.WriteId != writeId).ToArray();
            await SaveAsync();
        }
    }

    public ValueTask<Guid[]> GetStaged(CancellationToken cancellationToken) =>
        ValueTask.FromResult(State.Staged.Select(s => s.WriteId).ToArray());

    /// <summary>
    /// Writes <paramref name="rows"/> now (no write id: this economy alone, one stored write) or stages them under
    /// <paramref name="writeId"/> for the coordinator to commit. Returns the data version after a direct write, else the current one.
    /// </summary>
    private async Task<long> WriteOrStageAsync(Guid writeId, ObservationBatch rows, CancellationToken cancellationToken)
    {
        if (writeId == Guid.Empty)
        {
            return await Write(new Immutable<ObservationBatch>(rows), cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        await StageAsync(writeId, rows);
        return State.Version;
    }

    private async Task StageAsync(Guid writeId, ObservationBatch rows)
    {
        // A stage call can run after its write was aborted: the coordinator stopped waiting for it (the caller
        // cancelled), aborted at the ledger and asked this economy to discard before this call got its turn. Asked
        // here, the ledger says so and nothing is staged. The grain serves one call at a time, so a discard that comes
        // after this stage also comes after this question, and removes what it staged.
        WriteStatus? status = await Ledger.Find(writeId, CancellationToken.None);
        if (status?.Decision != WriteDecision.Undecided)
        {
            throw new WriteAbortedException($"write {writeId} was aborted before economy {Code} staged its rows; nothing was written, send it again");
        }
        State.Staged = [.. State.Staged.Where(s => s.WriteId != writeId), new StagedWrite(writeId, rows)];
        await SaveAsync();
    }

    /// <summary>
    /// Settles the staged writes: <paramref name="applying"/> is known committed at <paramref name="sequence"/>; the
    /// others are asked of the ledger. Committed ones are merged in sequence order (one data version each), aborted
    /// ones dropped, undecided ones kept; all in one stored write. Then the writes this economy settled on its own are
    /// acknowledged (the coordinator acknowledges the one it applies).
    /// </summary>
    private async Task ResolveAsync(Guid applying, long sequence)
    {
        Guid[] others = State.Staged.Select(s => s.WriteId).Where(id => id != applying).ToArray();
        WriteStatus[] statuses = others.Length == 0 ? [] : await Ledger.GetStatuses(others, CancellationToken.None);
        var decided = new Dictionary<Guid, WriteStatus>();
        for (int i = 0; i < others.Length; i++)
        {
            decided[others[i]] = statuses[i];
        }
        if (applying != Guid.Empty)
        {
            decided[applying] = new WriteStatus(WriteDecision.Committed, sequence);
        }
        StagedWrite[] committed = State.Staged
            .Where(s => decided[s.WriteId].Decision == WriteDecision.Committed)
            .OrderBy(s => decided[s.WriteId].Sequence)
            .ToArray();
        StagedWrite[] kept = State.Staged.Where(s => decided[s.WriteId].Decision == WriteDecision.Undecided).ToArray();
        if (kept.Length == State.Staged.Count)
        {
            return;
        }

        Dictionary<string, SeriesRecord> series = State.Series;
        long version = State.Version;
        foreach (StagedWrite write in committed)
        {
            version++;
            series = Merged(series, write.Rows, version);
        }
        (State.Series, State.Version, State.Staged) = (series, version, kept);
        await SaveAsync();

        foreach (StagedWrite write in committed.Where(w => w.WriteId != applying))
        {
            await Ledger.Acknowledge(write.WriteId, [Code], CancellationToken.None);
        }
    }
}
