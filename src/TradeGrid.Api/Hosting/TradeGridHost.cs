using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradeGrid.Api.Admin;
using TradeGrid.Api.Audit;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Data;
using TradeGrid.Api.Describe;
using TradeGrid.Api.Errors;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Extrapolation;
using TradeGrid.Api.Forecasting;
using TradeGrid.Api.Observability;
using TradeGrid.Api.RateLimiting;
using TradeGrid.Api.Scenarios;
using TradeGrid.Api.Security;
using TradeGrid.Api.Writes;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Data;
using TradeGrid.Grains.Describe;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Grains.Hosting;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Builds the TradeGrid server: an Orleans silo and, in the same process, the gRPC gateway (HTTP/2) and its
/// JSON/HTTP 1.1 transcoding. One process by default (localhost clustering, in-memory grain storage); with
/// <c>--postgres</c>, one silo of a cluster whose membership, state and reminders are in PostgreSQL.
/// </summary>
public static class TradeGridHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = CommandLine.ToConfigurationArgs(args),
            // appsettings.json ships beside the binary; the working directory is the user's, for relative --data-dir paths.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var options = builder.Configuration.GetSection(TradeGridOptions.Section).Get<TradeGridOptions>() ?? new TradeGridOptions();
        builder.Services.Configure<TradeGridOptions>(builder.Configuration.GetSection(TradeGridOptions.Section));
        builder.Services.Configure<ImportLimits>(builder.Configuration.GetSection(ImportLimits.Section));
        builder.Services.Configure<EstimateLimits>(builder.Configuration.GetSection(EstimateLimits.Section));
        builder.Services.Configure<RequestLimits>(builder.Configuration.GetSection(RequestLimits.Section));
        RefuseBadCheckpointInterval(builder.Configuration.GetSection(ScenarioJobOptions.Section).Get<ScenarioJobOptions>() ?? new ScenarioJobOptions());
        builder.Services.Configure<ScenarioJobOptions>(builder.Configuration.GetSection(ScenarioJobOptions.Section));
        AuthOptions auth = builder.AddTradeGridSecurity(options.Host);
        builder.Services.AddTradeGridRateLimits(builder.Configuration);
        TlsOptions tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        X509Certificate2? certificate = tls.Enabled ? ServerCertificate.Load(tls) : null;
        ObservabilityOptions observability = builder.AddTradeGridObservability();

        IPAddress address = IPAddress.Parse(options.Host);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // With a certificate: HTTP/2 over TLS (ALPN h2) on the gRPC port, HTTPS on the JSON port.
            kestrel.Listen(address, options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Listen(address, options.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            // Imports arrive as a stream of chunks (bounded by TradeGrid:Import); JSON bodies are bounded by
            // JsonRequestGate, which can say which setting to raise, as Kestrel's own 413 cannot.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.ListenObservability(address, observability, certificate);
        });

        ClusterSettings cluster = ClusterSettingsReader.Read(builder.Configuration);
        builder.Services.AddSingleton(cluster);
        builder.UseOrleans(silo =>
        {
            silo.AddTradeGridBackend(cluster, cluster.Advertised(options.Host), options.SiloPort, options.GatewayPort);
            silo.AddTradeGridExceptions();
            silo.AddTradeGridObservability(observability);
        });

        builder.Services.AddGrpc(grpc =>
        {
            // First: the outermost, so it counts the status the caller gets, after every other interceptor.
            grpc.Interceptors.Add<GrpcCallMetricsInterceptor>();
            grpc.Interceptors.Add<StoreAccessInterceptor>();
            grpc.Interceptors.Add<ReadinessInterceptor>();
            grpc.Interceptors.Add<WriteOutcomeInterceptor>();
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<DomainErrorInterceptor>();
            grpc.MaxReceiveMessageSize = 16 * 1024 * 1024;
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding();
        StrictRequestMethodProvider<object>.Replace(builder.Services);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(o => o.UseHealthChecksCache = false).AddCheck<DatasetHealthCheck>("dataset");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DatasetReadiness>();
        string? writeGate = builder.Configuration["TradeGrid:Testing:WriteGate"];
        builder.Services.AddSingleton<IWriteHooks>(string.IsNullOrEmpty(writeGate) ? WriteHooks.None : new FileGateWriteHooks(writeGate));
        string? jobGate = builder.Configuration["TradeGrid:Testing:JobGate"];
        builder.Services.AddSingleton<IJobHooks>(string.IsNullOrEmpty(jobGate) ? JobHooks.None : new FileGateJobHooks(jobGate));
        builder.Services.AddSingleton<GrpcCallMetrics>();
        builder.Services.AddSingleton<WriteCoordinator>();
        builder.Services.AddSingleton<StoredForecastCoordinator>();
        builder.Services.AddSingleton<DatasetWriter>();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<ImportHandler>();
        builder.Services.AddSingleton<JobSlots>();
        builder.Services.AddSingleton<PanelHandler>();
        builder.Services.AddSingleton<PanelCoordinator>();
        builder.Services.AddSingleton<DescribeCoordinator>();
        builder.Services.AddSingleton<PredictionCoordinator>();
        builder.Services.AddSingleton<ShareHandler>();
        builder.Services.AddSingleton<FillHandler>();
        builder.Services.AddSingleton<ForecastAllHandler>();
        builder.Services.AddHostedService<DatasetStartupLoader>();
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradeGrid.Security").LogWarning(
            "{Access}; TLS {Tls}", SecuritySetup.Describe(auth, options.Host), certificate is null ? "off (cleartext)" : $"on ({certificate.Subject})");
        // The scrape endpoint answers before anything else, on its own listener only. Then routing, so that the
        // listener gate, authentication, authorization and the rate limits see each RPC's endpoint and its rule
        // (RpcAccessConventions); all of them before a JSON body is read.
        app.UseMetricsEndpoint(observability);
        app.UseRouting();
        app.UseMiddleware<ListenerGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseFormBodyAsJson();
        app.UseMiddleware<JsonRequestGate>();
        app.MapGrpcService<DataGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<DescribeGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<ForecastGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<EstimateGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<ExtrapolationGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<WriteGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<ScenarioGrpcService>().WithRpcAccess(auth);
        app.MapGrpcService<AdminGrpcService>().WithRpcAccess(auth);
        app.MapGrpcHealthChecksService().WithRpcAccess(auth).DisableRateLimiting();
        app.MapGrpcReflectionService().WithRpcAccess(auth).DisableRateLimiting();
        app.MapDashboard(observability);
        IEndpointConventionBuilder healthz = app.MapHealthChecks("/healthz").DisableRateLimiting();
        if (auth.OpenHealth)
        {
            healthz.AllowAnonymous();
        }
        else
        {
            healthz.RequireAuthorization(Roles.Reader);
        }
        return app;
    }

    /// <summary>A bad scenario checkpoint interval stops the start, naming the setting, rather than the first scenario job.</summary>
    private static void RefuseBadCheckpointInterval(ScenarioJobOptions options)
    {
        try
        {
            _ = options.CheckpointInterval;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new StartupRefusedException(ex.Message);
        }
    }
}
