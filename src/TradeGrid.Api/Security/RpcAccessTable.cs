using Google.Protobuf;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Security;

/// <summary>
/// The role every RPC needs, by its full proto name (<c>tradegrid.v1.DataService.GetSeries</c>). One table, so a
/// review reads every rule in one place; <c>RpcAccessTests</c> calls every RPC of every service the server maps
/// with every role and fails for an RPC missing here. An RPC missing here needs admin (closed, not open).
/// </summary>
public static class RpcAccessTable
{
    public const string HealthService = "grpc.health.v1.Health";
    public const string ReflectionPrefix = "grpc.reflection.";

    private static readonly RpcAccess Read = new(Roles.Reader);
    private static readonly RpcAccess Write = new(Roles.Writer);
    private static readonly RpcAccess Administer = new(Roles.Admin);

    private static readonly Dictionary<string, RpcAccess> Rules = new(StringComparer.Ordinal)
    {
        ["tradegrid.v1.DataService.ListEconomies"] = Read,
        ["tradegrid.v1.DataService.GetEconomy"] = Read,
        ["tradegrid.v1.DataService.ListIndicators"] = Read,
        ["tradegrid.v1.DataService.ListGroups"] = Read,
        ["tradegrid.v1.DataService.GetSeries"] = Read,
        ["tradegrid.v1.DataService.GetPanel"] = Read,
        ["tradegrid.v1.DataService.Import"] = Write with { LongJob = true },

        ["tradegrid.v1.DescribeService.Growth"] = Read,
        ["tradegrid.v1.DescribeService.Share"] = Read,
        ["tradegrid.v1.DescribeService.Ratio"] = Read,
        ["tradegrid.v1.DescribeService.Balance"] = Read,
        ["tradegrid.v1.DescribeService.Aggregate"] = Read,
        ["tradegrid.v1.DescribeService.Contributions"] = Read,
        ["tradegrid.v1.DescribeService.CheckPublishedGrowth"] = Read,
        ["tradegrid.v1.DescribeService.Fill"] = StoresWhen<FillRequest>(r => !r.DryRun),

        ["tradegrid.v1.EstimateService.Fit"] = Read,
        ["tradegrid.v1.EstimateService.GetFit"] = Read,
        ["tradegrid.v1.EstimateService.ListFits"] = Read,
        ["tradegrid.v1.EstimateService.CompareFits"] = Read,

        ["tradegrid.v1.ExtrapolationService.Predict"] = StoresWhen<PredictRequest>(r => r.Store),
        ["tradegrid.v1.ExtrapolationService.EstimateWorld"] = StoresWhen<EstimateWorldRequest>(r => r.Store) with { LongJob = true },

        ["tradegrid.v1.ForecastService.Forecast"] = StoresWhen<ForecastRequest>(r => r.Store),
        ["tradegrid.v1.ForecastService.ForecastAll"] = StoresWhen<ForecastAllRequest>(r => r.Store) with { LongJob = true },
        ["tradegrid.v1.ForecastService.GetForecastJob"] = Read,

        ["tradegrid.v1.ScenarioService.StartScenario"] = StoresWhen<StartScenarioRequest>(r => r.Spec?.Store == true),
        ["tradegrid.v1.ScenarioService.RunScenario"] = StoresWhen<RunScenarioRequest>(r => r.Spec?.Store == true) with { LongJob = true },
        ["tradegrid.v1.ScenarioService.GetScenario"] = Read,
        ["tradegrid.v1.ScenarioService.ListScenarios"] = Read,
        // Stopping a job another caller started is not a read.
        ["tradegrid.v1.ScenarioService.CancelScenario"] = Write,

        // The outcome of a write, by its id: a read of the ledger (ids are unguessable UUIDs the writer was given).
        ["tradegrid.v1.WriteService.GetWrite"] = Read,

        ["tradegrid.v1.AdminService.CreateApiKey"] = Administer,
        ["tradegrid.v1.AdminService.ListApiKeys"] = Administer,
        ["tradegrid.v1.AdminService.RevokeApiKey"] = Administer,
        ["tradegrid.v1.AdminService.ListAuditEntries"] = Administer,
        ["tradegrid.v1.AdminService.ListLimits"] = Administer,
        ["tradegrid.v1.AdminService.SetCallerLimit"] = Administer,
        ["tradegrid.v1.AdminService.RemoveCallerLimit"] = Administer,
    };

    /// <summary>The rule for an RPC by full name (service full name + "." + method).</summary>
    public static RpcAccess For(string service, string method)
    {
        if (service == HealthService || service.StartsWith(ReflectionPrefix, StringComparison.Ordinal))
        {
            return new RpcAccess(string.Empty);
        }
        return Rules.GetValueOrDefault($"{service}.{method}") ?? Administer;
    }

    /// <summary>True when the table names the RPC (health and reflection count as named).</summary>
    public static bool Lists(string service, string method) =>
        service == HealthService || service.StartsWith(ReflectionPrefix, StringComparison.Ordinal) || Rules.ContainsKey($"{service}.{method}");

    /// <summary>The rule for a call path as gRPC gives it: <c>/tradegrid.v1.DataService/GetSeries</c>.</summary>
    public static RpcAccess ForPath(string path)
    {
        int slash = path.LastIndexOf('/');
        return For(path[1..slash], path[(slash + 1)..]);
    }

    // Reader, unless the request stores: then writer.
    private static RpcAccess StoresWhen<TRequest>(Func<TRequest, bool> stores)
        where TRequest : IMessage =>
        new(Roles.Reader, m => m is TRequest r && stores(r));
}
