using Orleans.Concurrency;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Hosting;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Holds one economy's series; every write goes through grain storage and bumps the data version.
/// Other capabilities (describe, estimate, forecast) add their own partial file and grain interface: same grain, same data.
/// </summary>
public sealed partial class EconomyGrain(
    [PersistentState("economy", StorageNames.Provider)] IPersistentState<EconomyState> state) : Grain, IEconomyGrain
{
    private string Code => this.GetPrimaryKeyString();

    /// <summary>The economy's state, for the other parts of this grain (one file per capability).</summary>
    private EconomyState State => state.State;

    public async ValueTask Register(EconomyRecord economy, CancellationToken cancellationToken)
    {
        if (state.State.Economy == economy)
        {
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        state.State.Economy = economy;
        await SaveAsync();
    }

    public async ValueTask<long> Seed(EconomyRecord economy, Immutable<ObservationBatch> batch, CancellationToken cancellationToken)
    {
        state.State.Economy = economy;
        return await Write(batch, cancellationToken);
    }

    public async ValueTask<long> Write(Immutable<ObservationBatch> batch, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        long version = state.State.Version + 1;
        // Swap only after every merge succeeded, so a failed merge leaves the state as it was.
        Dictionary<string, SeriesRecord> merged = Merged(state.State.Series, batch.Value, version);
        // Noted before it is stored: a reader that took its token after this note and then asks this grain for its
        // version waits for this call, or finds what storage kept if the silo was lost half-way.
        await GrainFactory.ChangeBoard().Note([Code], CancellationToken.None);
        (state.State.Series, state.State.Version) = (merged, version);
        await SaveAsync();
        return version;
    }

    /// <summary>The series with <paramref name="rows"/> merged in, the series they touch at <paramref name="version"/>; a new dictionary.</summary>
    private static Dictionary<string, SeriesRecord> Merged(Dictionary<string, SeriesRecord> series, ObservationBatch rows, long version)
    {
        var updated = new Dictionary<string, SeriesRecord>(series, StringComparer.Ordinal);
        foreach (BatchSeries incoming in BatchSeries.Group(rows))
        {
            string key = SeriesRecord.Key(incoming.Indicator, incoming.Partner);
            updated.TryGetValue(key, out SeriesRecord? existing);
            MergedSeries merged = incoming.MergeInto(existing, rows);
            (string[] sourceNames, int[] sourceStarts) = SourceRuns.Compress(merged.Sources);
            updated[key] = new SeriesRecord(incoming.Indicator, incoming.Partner, merged.Years, merged.Values,
                merged.Provenance, sourceNames, sourceStarts, version);
        }
        return updated;
    }

    /// <summary>
    /// Stores the state with no cancellation token: a store abandoned half-way by a caller's deadline left memory ahead
    /// of storage and Orleans' ETag behind it, so every later write failed. If storing fails, the stored state is read
    /// back (the grain shows what storage holds) and the error is rethrown.
    /// </summary>
    private async Task SaveAsync()
    {
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

    public ValueTask<SeriesRecord?> GetSeries(string indicator, string partner, int from, int to, CancellationToken cancellationToken)
    {
        RequireRegistered();
        return ValueTask.FromResult(state.State.Series.TryGetValue(SeriesRecord.Key(indicator, partner), out SeriesRecord? series)
            ? series.Slice(from, to)
            : null);
    }

    public ValueTask<SeriesRecord[]> GetSeriesMany(string[] indicators, string partner, int from, int to, CancellationToken cancellationToken)
    {
        RequireRegistered();
        var found = new List<SeriesRecord>(indicators.Length);
        foreach (string indicator in indicators)
        {
            if (state.State.Series.TryGetValue(SeriesRecord.Key(indicator, partner), out SeriesRecord? series))
            {
                found.Add(series.Slice(from, to));
            }
        }
        return ValueTask.FromResult(found.ToArray());
    }

    public ValueTask<EconomyOverview> GetOverview(CancellationToken cancellationToken)
    {
        EconomyRecord economy = RequireRegistered();
        SeriesSummaryRecord[] series = state.State.Series.Values
            .Where(s => s.Years.Length > 0)
            .Select(s => new SeriesSummaryRecord(s.Indicator, s.Partner, s.Years[0], s.Years[^1], s.Years.Length))
            .OrderBy(s => s.Indicator, StringComparer.Ordinal).ThenBy(s => s.Partner, StringComparer.Ordinal)
            .ToArray();
        return ValueTask.FromResult(new EconomyOverview(economy, series, state.State.Version));
    }

    public ValueTask<long> GetVersion(CancellationToken cancellationToken) => ValueTask.FromResult(state.State.Version);

    public ValueTask<VersionReading> ReadVersion(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new VersionReading(state.State.Version, state.State.Staged.Count > 0));

    private EconomyRecord RequireRegistered() =>
        state.State.Economy ?? throw UnknownEconomyException.Of(string.Empty, $"'{Code}'", "see ListEconomies, or import with create_economies to add it");
}
