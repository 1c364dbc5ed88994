using System.Collections.Concurrent;
using Orleans.Concurrency;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Dataset;
using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Records;
using TradeGrid.Numerics;

namespace TradeGrid.Grains;

/// <summary>
/// Writes parsed data into the grains. An import is checked against the catalogue before anything is written,
/// so a refused import changes nothing; the writes themselves then run on every economy grain in parallel.
/// </summary>
public sealed class DatasetWriter(IGrainFactory grains)
{
    private const int MaxNamedUnknowns = 5;

    /// <summary>Loads a dataset at start-up: catalogue first, then its observation files (unknown codes are created).</summary>
    public async Task<ImportSummary> LoadAsync(LoadedDataset dataset, CancellationToken cancellationToken)
    {
        ICatalogGrain catalog = grains.Catalog();
        EconomyRecord[] economies = dataset.Economies.Select(EconomyRecord.From).ToArray();
        await catalog.AddEconomies(economies, cancellationToken);
        await Task.WhenAll(economies.Select(e => grains.Economy(e.Code).Register(e, cancellationToken).AsTask()));
        await catalog.AddIndicators(dataset.Indicators.Select(IndicatorRecord.From).ToArray(), cancellationToken);
        await catalog.AddGroupMembers(dataset.Groups.Select(GroupMemberRecord.From).ToArray(), cancellationToken);

        var summaries = new List<ImportSummary>();
        foreach (ParsedImport file in dataset.Observations)
        {
            summaries.Add(await ImportAsync(file, createEconomies: true, cancellationToken));
        }
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (ImportSummary s in summaries)
        {
            foreach ((string economy, long version) in s.Versions)
            {
                versions[economy] = version;
            }
        }
        return new ImportSummary(
            summaries.Sum(s => s.RowsRead),
            summaries.Sum(s => s.ObservationsWritten),
            summaries.SelectMany(s => s.IndicatorsAdded).Distinct(StringComparer.Ordinal).ToList(),
            summaries.SelectMany(s => s.EconomiesCreated).Distinct(StringComparer.Ordinal).ToList(),
            versions);
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
            throw new UnknownEconomyException(
                $"unknown economy {named}{more}; fix the code, or import with create_economies (client: --create-economies) to add it");
        }
        cancellationToken.ThrowIfCancellationRequested();

        // From here on the import is valid: write it whole, whatever the caller's deadline does, so it is all or nothing.
        CancellationToken none = CancellationToken.None;
        EconomyRecord[] created = unknown.Select(kv => EconomyRecord.Bare(kv.Key)).ToArray();
        if (created.Length > 0)
        {
            await catalog.AddEconomies(created, none);
            await Task.WhenAll(created.Select(e => grains.Economy(e.Code).Register(e, none).AsTask()));
        }
        IndicatorRecord[] indicators = parsed.IndicatorNames
            .Select(kv => new IndicatorRecord(kv.Key, kv.Value, string.Empty, string.Empty, string.Empty))
            .ToArray();
        string[] added = await catalog.AddIndicators(indicators, none);

        var byEconomy = new Dictionary<string, List<ObservationRow>>(StringComparer.Ordinal);
        foreach (ObservationRow row in parsed.Rows)
        {
            if (!byEconomy.TryGetValue(row.Economy, out List<ObservationRow>? list))
            {
                byEconomy[row.Economy] = list = [];
            }
            list.Add(row);
        }
        var versions = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Task.WhenAll(byEconomy.Select(async kv =>
        {
            var batch = new Immutable<ObservationBatch>(ObservationBatch.From(kv.Value));
            versions[kv.Key] = await grains.Economy(kv.Key).Write(batch, none);
        }));
        return new ImportSummary(parsed.RowsRead, parsed.Rows.Count, added, created.Select(e => e.Code).ToList(),
            new Dictionary<string, long>(versions, StringComparer.Ordinal));
    }
}
