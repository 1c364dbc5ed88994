using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Cluster;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Abstractions.Security;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Abstractions;

/// <summary>
/// Names every grain the way every caller must (the gateway, coordinators and grains alike): economy grains by
/// normalized code, one catalogue, one fit index, one write ledger, a fit's coordinator by its fit id. An economy's
/// references are made once and shared (<see cref="GrainReferences"/>): coordinators ask for one per economy per call.
/// </summary>
public static class GrainFactoryExtensions
{
    public static IEconomyGrain Economy(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyGrain>(factory, code);

    /// <summary>The describe and fill part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyDescribeGrain EconomyDescribe(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyDescribeGrain>(factory, code);

    /// <summary>The estimation part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyEstimateGrain EconomyEstimate(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyEstimateGrain>(factory, code);

    /// <summary>The extrapolation part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyExtrapolationGrain EconomyExtrapolation(this IGrainFactory factory, string code) =>
        GrainReferences.Get<IEconomyExtrapolationGrain>(factory, code);

    /// <summary>The forecasting part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyForecastGrain EconomyForecast(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyForecastGrain>(factory, code);

    /// <summary>The write protocol's part of the same economy grain as <see cref="Economy"/> (stage, apply, discard).</summary>
    public static IEconomyWriteGrain EconomyWrites(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyWriteGrain>(factory, code);

    /// <summary>The one ledger of atomic writes: their commit point.</summary>
    public static IWriteLedgerGrain WriteLedger(this IGrainFactory factory) => factory.GetGrain<IWriteLedgerGrain>(IWriteLedgerGrain.DefaultKey);

    /// <summary>The one board where every change of an economy's data is noted before it can be seen.</summary>
    public static IChangeBoardGrain ChangeBoard(this IGrainFactory factory) => factory.GetGrain<IChangeBoardGrain>(IChangeBoardGrain.DefaultKey);

    public static ICatalogGrain Catalog(this IGrainFactory factory) => factory.GetGrain<ICatalogGrain>(ICatalogGrain.DefaultKey);

    /// <summary>The coordinator that fits, and caches, the model with this fit id (<c>DesignSpec.FitId()</c>).</summary>
    public static IFitCoordinator FitCoordinator(this IGrainFactory factory, string fitId) => factory.GetGrain<IFitCoordinator>(fitId);

    /// <summary>The scenario part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyScenarioGrain EconomyScenario(this IGrainFactory factory, string code) => GrainReferences.Get<IEconomyScenarioGrain>(factory, code);

    /// <summary>The grain of one ForecastAll job (key: the job id).</summary>
    public static IForecastJobGrain ForecastJob(this IGrainFactory factory, string jobId) => factory.GetGrain<IForecastJobGrain>(jobId);

    /// <summary>The grain of one scenario job (key: the job id).</summary>
    public static IScenarioJobGrain ScenarioJob(this IGrainFactory factory, string jobId) => factory.GetGrain<IScenarioJobGrain>(jobId);

    public static IScenarioIndexGrain ScenarioIndex(this IGrainFactory factory) => factory.GetGrain<IScenarioIndexGrain>(IScenarioIndexGrain.DefaultKey);

    public static IFitIndexGrain FitIndex(this IGrainFactory factory) => factory.GetGrain<IFitIndexGrain>(IFitIndexGrain.DefaultKey);

    /// <summary>The API keys made through the admin RPCs.</summary>
    public static IApiKeyStoreGrain ApiKeys(this IGrainFactory factory) => factory.GetGrain<IApiKeyStoreGrain>(IApiKeyStoreGrain.DefaultKey);

    /// <summary>The per-caller rate limits set through the admin RPCs.</summary>
    public static ICallerLimitStoreGrain CallerLimits(this IGrainFactory factory) => factory.GetGrain<ICallerLimitStoreGrain>(ICallerLimitStoreGrain.DefaultKey);

    /// <summary>The audit log of writes (its head; the entries are in its pages).</summary>
    public static IAuditLogGrain AuditLog(this IGrainFactory factory) => factory.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey);

    /// <summary>Page <paramref name="page"/> of the audit log.</summary>
    public static IAuditPageGrain AuditPage(this IGrainFactory factory, long page) =>
        factory.GetGrain<IAuditPageGrain>($"{IAuditLogGrain.DefaultKey}/{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>The cluster's start-up data marker: loaded once per cluster, not once per silo.</summary>
    public static IClusterSeedGrain ClusterSeed(this IGrainFactory factory) => factory.GetGrain<IClusterSeedGrain>(IClusterSeedGrain.DefaultKey);
}
