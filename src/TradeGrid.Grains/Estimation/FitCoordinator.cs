using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// Coordinator of one model (key: the spec's fit id). Partner series that partner-side regressors read are gathered
/// here once and passed to every reporter, so economy grains never call each other (no call cycles between grains).
/// The fit is kept, in the grain's stored state, with the data versions it read; a request whose economies all still
/// have those versions is served from it, any change refits. A refused fit leaves it as it was. Stored, the fit
/// outlives the silo: with durable storage GetFit and Predict answer from it after a restart.
/// </summary>
public sealed class FitCoordinator(
    [PersistentState("fit-coordinator", StorageNames.Provider)] IPersistentState<FitCoordinatorState> state,
    ILogger<FitCoordinator> logger) : Grain, IFitCoordinator
{
    private FitOutcome? _fit;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _fit = state.State.Fit;
        return Task.CompletedTask;
    }

    public async ValueTask<FitOutcome> Fit(DesignSpec spec, int maxRows, CancellationToken cancellationToken)
    {
        string[] partnerSources = spec.PartnerSources();
        EconomyVersion[] current = await Versions(spec, cancellationToken);
        if (_fit is { } cached && cached.Versions.SequenceEqual(current))
        {
            return cached with { FromCache = true };
        }

        PartnerSeries[] partners = await GatherPartners(spec, partnerSources, cancellationToken);
        string stamp = string.Join(",", current.Where(v => partnerSources.Contains(v.Economy)).Select(v => $"{v.Economy}:{v.Version}"));
        var request = new BlockRequest(spec, partners, stamp, [], []);
        BlockInfo[] infos = await Task.WhenAll(spec.Economies.Select(e => Block(e).DescribeBlock(request, cancellationToken).AsTask()));
        long rows = infos.Sum(i => (long)i.Rows);
        if (rows == 0)
        {
            throw new InsufficientDataException(
                $"The sample is empty: no row of {spec.Economies.Length} economies has the dependent and every regressor"
                + $"{Drops(infos)}; widen the sample (economies, partners, years) or change the variables.");
        }

        if (rows > maxRows)
        {
            throw new ResourceLimitException($"The sample has {rows} rows, over the server's limit of {maxRows}; narrow the sample (economies, years).");
        }

        int[] years = infos.SelectMany(i => i.Years).Distinct().Order().ToArray();
        request = request with { Years = years };
        IEconomyEstimateGrain[] blocks = infos.Where(i => i.Rows > 0).Select(i => Block(i.Economy)).ToArray();
        long started = Stopwatch.GetTimestamp();
        FitStatistics statistics = spec.Absorbed
            ? await AbsorbedFitCoordinator.RunAsync(blocks, request, cancellationToken)
            : spec.Estimator == EstimatorKind.Ppml
            ? await PoissonFitCoordinator.RunAsync(blocks, request, cancellationToken)
            : await LinearFitCoordinator.RunAsync(blocks, request, cancellationToken);

        // Record what the economies said they read: a write after the version check shows up here and makes the next call refit.
        Dictionary<string, long> read = current.ToDictionary(v => v.Economy, v => v.Version, StringComparer.Ordinal);
        foreach (BlockInfo info in infos)
        {
            read[info.Economy] = info.Version;
        }

        _fit = new FitOutcome
        {
            FitId = this.GetPrimaryKeyString(),
            Spec = spec,
            Statistics = statistics,
            Drops = infos.SelectMany(i => i.Drops).GroupBy(d => d.Reason, StringComparer.Ordinal)
                .Select(g => new DropNote(g.Key, g.Sum(d => d.Rows), g.First().Example)).ToArray(),
            Versions = current.Select(v => new EconomyVersion(v.Economy, read[v.Economy])).ToArray(),
            Blocks = blocks.Length,
            FittedAt = DateTimeOffset.UtcNow,
        };
        logger.LogInformation("Fit {FitId}: {Estimator} on {Rows} rows of {Blocks} economies in {Elapsed} ms",
            _fit.FitId, spec.Estimator, statistics.Observations, blocks.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        state.State.Fit = _fit;
        await state.WriteStateAsync(CancellationToken.None);
        await GrainFactory.FitIndex().Record(
            new FitListing(_fit.FitId, spec.Estimator, spec.Dependent.Name, statistics.Observations, _fit.FittedAt), cancellationToken);
        return _fit;
    }

    public async ValueTask<FitOutcome?> GetFit(CancellationToken cancellationToken)
    {
        if (_fit is null)
        {
            return null;
        }

        EconomyVersion[] current = await Versions(_fit.Spec, cancellationToken);
        return _fit with { Stale = !_fit.Versions.SequenceEqual(current) };
    }

    public ValueTask<FitOutcome?> PeekFit(CancellationToken cancellationToken) => ValueTask.FromResult(_fit);

    private IEconomyEstimateGrain Block(string economy) => GrainFactory.EconomyEstimate(economy);

    /// <summary>Current data versions of the reporters and of the partners whose series are read, in a fixed order.</summary>
    private async Task<EconomyVersion[]> Versions(DesignSpec spec, CancellationToken cancellationToken)
    {
        string[] economies = spec.Economies.Union(spec.PartnerSources(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        long[] versions = await Task.WhenAll(economies.Select(e => GrainFactory.Economy(e).GetVersion(cancellationToken).AsTask()));
        return economies.Select((e, i) => new EconomyVersion(e, versions[i])).ToArray();
    }

    private async Task<PartnerSeries[]> GatherPartners(DesignSpec spec, string[] partners, CancellationToken cancellationToken)
    {
        if (partners.Length == 0)
        {
            return [];
        }

        string[] indicators = spec.Regressors.Where(r => r.Side == SideKind.Partner).SelectMany(r => SeriesSums.Parts(r.Indicator)).Distinct(StringComparer.Ordinal).ToArray();
        SeriesRecord[][] series = await Task.WhenAll(partners.Select(p =>
            GrainFactory.Economy(p).GetSeriesMany(indicators, string.Empty, 0, 0, cancellationToken).AsTask()));
        return partners.SelectMany((p, i) => series[i].Select(s => new PartnerSeries(p, s))).ToArray();
    }

    private static string Drops(BlockInfo[] infos)
    {
        DropNote[] drops = infos.SelectMany(i => i.Drops).ToArray();
        return drops.Length == 0 ? " (none of them has the dependent in the sample years)"
            : $" ({string.Join("; ", drops.GroupBy(d => d.Reason).Select(g => $"{g.Sum(d => d.Rows)} rows: {g.Key}, e.g. {g.First().Example}"))})";
    }
}
