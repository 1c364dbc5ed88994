using Orleans.Concurrency;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Abstractions.Economy;

/// <summary>
/// One economy's series. Key: ISO alpha-3 ("CHN") or an aggregate ("RCEP"). Holds every series where the economy
/// is the reporter, bilateral ones included, and a data version that changes on every write.
/// A grain whose economy was never registered answers reads with <see cref="Domain.UnknownEconomyException"/>.
/// </summary>
[Alias("TradeGrid.IEconomyGrain")]
public interface IEconomyGrain : IGrainWithStringKey
{
    /// <summary>Creates the economy or updates its name, region and income group. Keeps its series.</summary>
    [Alias("Register")]
    ValueTask Register(EconomyRecord economy, CancellationToken cancellationToken = default);

    /// <summary>Registers the economy and merges its values in one stored write (start-up loading).</summary>
    [Alias("Seed")]
    ValueTask<long> Seed(EconomyRecord economy, Immutable<ObservationBatch> batch, CancellationToken cancellationToken = default);

    /// <summary>Merges values into the economy's series and returns the new data version.</summary>
    [Alias("Write")]
    ValueTask<long> Write(Immutable<ObservationBatch> batch, CancellationToken cancellationToken = default);

    /// <summary>One series cut to [from, to] (0 = open), or null when the economy has no such series.</summary>
    [Alias("GetSeries")]
    ValueTask<SeriesRecord?> GetSeries(string indicator, string partner, int from, int to, CancellationToken cancellationToken = default);

    /// <summary>The economy's series for each indicator asked that it has, cut to [from, to].</summary>
    [Alias("GetSeriesMany")]
    ValueTask<SeriesRecord[]> GetSeriesMany(string[] indicators, string partner, int from, int to, CancellationToken cancellationToken = default);

    [Alias("GetOverview")]
    ValueTask<EconomyOverview> GetOverview(CancellationToken cancellationToken = default);

    [Alias("GetVersion")]
    ValueTask<long> GetVersion(CancellationToken cancellationToken = default);

    /// <summary>The data version, and whether rows of an undecided write are staged here (committed ones are applied first).</summary>
    [Alias("ReadVersion")]
    ValueTask<VersionReading> ReadVersion(CancellationToken cancellationToken = default);
}
