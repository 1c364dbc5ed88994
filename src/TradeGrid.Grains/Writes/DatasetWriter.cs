using System.Collections.Concurrent;
using Orleans.Concurrency;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Dataset;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// Writes parsed data into the grains. An import is checked against the catalogue before anything is written,
/// so a refused import changes nothing; the rows are then written to every economy as one atomic write
/// (<see cref="WriteCoordinator"/>): every economy shows the import, or none does.
/// </summary>
public sealed class DatasetWriter(IGrainFactory grains, WriteCoordinator writes)
{
    public DatasetWriter(IGrainFactory grains)
        : this(grains, new WriteCoordinator(grains))
    {
    }

    private const int MaxNamedUnknowns = 5;

    /// <summary>
    /// Writes in flight at once. Hundreds at a time only queue behind grain storage and, on a loaded machine, can
    /// outlast the call timeout; a few per core keep every core busy.
    /// </summary>
    private static ParallelOptions Bounded(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 4 * Environment.ProcessorCount, CancellationToken = cancellationToken };

    /// <summary>
    /// Loads a dataset at start-up: the catalogue, then every economy's rows from all files in one stored write per
    /// economy (codes the catalogue lacks are created bare and reported).
    /// </summary>
    public async Task<ImportSummary> LoadAsync(LoadedDataset dataset, CancellationToken cancellationToken)
    {
        ICatalogGrain catalog = grains.Catalog();
        var economies = dataset.Economies.Select(EconomyRecord.From).GroupBy(e => e.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        Dictionary<string, ObservationBatch> rowsByEconomy = ObservationBatch.ByEconomy(dataset.Observations.Select(o => o.Rows).ToList());
        var indicatorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ParsedImport file in dataset.Observations)
        {
            foreach ((string code, string name) in file.IndicatorNames)
            {
                indicatorNames.TryAdd(code, name);
            }
        }
        string[] created = rowsByEconomy.Keys.Concat(dataset.Observations.SelectMany(o => o.FirstLineOfEconomy.Keys))
            .Where(code => !economies.ContainsKey(code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (string code in created)
        {
            economies[code] = EconomyRecord.Bare(code);
        }

        await catalog.AddEconomies(economies.Values.ToArray(), cancellationToken);
        IndicatorRecord[] described = dataset.Indicators.Select(IndicatorRecord.From).ToArray();
        var describedCodes = described.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        IndicatorRecord[] bare = indicatorNames.Where(kv => !describedCodes.Contains(kv.Key))
            .Select(kv => new IndicatorRecord(kv.Key, kv.Value, string.Empty, string.Empty, string.Empty)).ToArray();
        string[] added = await catalog.AddIndicators([.. described, .. bare], cancellationToken);
        await catalog.AddGroupMembers(dataset.Groups.Select(GroupMemberRecord.From).ToArray(), cancellationToken);

        var versions = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(economies.Values, Bounded(cancellationToken), async (economy, ct) =>
        {
            IEconomyGrain grain = grains.Economy(economy.Code);
            if (rowsByEconomy.TryGetValue(economy.Code, out ObservationBatch? rows))
            {
                versions[economy.Code] = await grain.Seed(economy, new Immutable<ObservationBatch>(rows), ct);
            }
            else
            {
                await grain.Register(economy, ct);
            }
        });
        return new ImportSummary(dataset.RowsRead, rowsByEconomy.Values.Sum(r => r.Count), added, created,
            new Dictionary<string, long>(versions, StringComparer.Ordinal));
    }

    /// <summary>Imports parsed rows: refuses unknown economies unless asked to create them, then writes every economy.</summary>
    public async Task<ImportSummary> ImportAsync(ParsedImport parsed, bool createEconomies, CancellationToken cancellationToken)
    {
        ICatalogGrain catalog = grains.Catalog();
        CatalogSnapshot snapshot = await catalog.GetSnapshot(cancellationToken);
        var known = new HashSet<string>(snapshot.Economies.Select(e => e.Code), StringComparer.Ordinal);
        List<KeyValuePair<string, int>> unknown = parsed.FirstLineOfEconomy
            .Where(kv => !known.Contains(kv.Key))
            .OrderBy(kv => kv.Value)
            .ToList();
        if (unknown.Count > 0 && !createEconomies)
        {
            string named = string.Join(", ", unknown.Take(MaxNamedUnknowns).Select(kv => $"'{kv.Key}' (line {kv.Value})"));
            string more = unknown.Count > MaxNamedUnknowns ? $" and {unknown.Count - MaxNamedUnknowns} more" : string.Empty;
            throw UnknownEconomyException.Of(
                string.Empty, named + more, "fix the code, or import with create_economies (client: --create-economies) to add it");
        }
        cancellationToken.ThrowIfCancellationRequested();

        // Economies the import creates are registered first (bare: a code and no series), so they can stage rows.
        EconomyRecord[] created = unknown.Select(kv => EconomyRecord.Bare(kv.Key)).ToArray();
        if (created.Length > 0)
        {
            await catalog.AddEconomies(created, CancellationToken.None);
            await Parallel.ForEachAsync(created, Bounded(CancellationToken.None),
                async (economy, ct) => await grains.Economy(economy.Code).Register(economy, ct));
        }

        // All economies' rows in one atomic write: the caller's cancellation aborts it up to the commit point, after
        // which it completes (the rows are then listed in the catalogue's indicators too).
        WriteReceipt receipt = await writes.WriteAsync(ObservationBatch.ByEconomy([parsed.Rows]), cancellationToken);
        IndicatorRecord[] indicators = parsed.IndicatorNames
            .Select(kv => new IndicatorRecord(kv.Key, kv.Value, string.Empty, string.Empty, string.Empty))
            .ToArray();
        string[] added = await catalog.AddIndicators(indicators, CancellationToken.None);
        return new ImportSummary(parsed.RowsRead, parsed.Rows.Count, added, created.Select(e => e.Code).ToList(), receipt.Versions) { WriteId = receipt.WriteId, Sequence = receipt.Sequence };
    }
}
