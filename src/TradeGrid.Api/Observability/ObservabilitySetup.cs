using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.Observability;

/// <summary>
/// OpenTelemetry metrics and traces (ASP.NET Core and gRPC, TradeGrid's calls by status (<see cref="GrpcCallMetrics"/>), Orleans' <c>Microsoft.Orleans</c> meter and activity
/// sources, Npgsql), exported by OTLP when a collector is configured and scraped by Prometheus on a port of their
/// own; the Orleans dashboard on an admin port, for the admin role. All off unless configured.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>Orleans' meter: activations, messaging, storage, membership, reminders.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: runtime calls (membership, directory) and grain calls.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>The .NET runtime's meter: GC (heap sizes, bytes allocated, collections), thread pool, JIT, CPU time.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>Npgsql's meter (connection pool, commands) and activity source.</summary>
    public const string NpgsqlMeter = "Npgsql";

    public static ObservabilityOptions AddTradeGridObservability(this WebApplicationBuilder builder)
    {
        ObservabilityOptions options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (!options.Metrics && !options.Tracing)
        {
            return options;
        }
        IOpenTelemetryBuilder telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tradegrid", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        if (options.Metrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                // ASP.NET Core's http.server.request.duration carries grpc.method and grpc.status_code for gRPC calls.
                metrics.AddAspNetCoreInstrumentation().AddMeter(GrpcCallMetrics.MeterName).AddMeter(OrleansMeter).AddMeter(NpgsqlMeter).AddMeter(RuntimeMeter);
                if (options.MetricsPort is not null)
                {
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = options.ScrapeCacheMilliseconds);
                }
            });
        }
        if (options.Tracing)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(OrleansActivitySources).AddNpgsql());
        }
        if (options.EffectiveOtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        }
        return options;
    }

    /// <summary>The silo's part: grain-call activities when tracing, the dashboard's grains and call profiling when enabled.</summary>
    public static void AddTradeGridObservability(this ISiloBuilder silo, ObservabilityOptions options)
    {
        if (options.Tracing)
        {
            silo.AddActivityPropagation();
        }
        if (options.Dashboard)
        {
            silo.AddDashboard();
        }
    }

    /// <summary>The metrics listener (cleartext HTTP/1.1: scrapers sit on the internal network) and the admin listener.</summary>
    public static void ListenObservability(this KestrelServerOptions kestrel, IPAddress address, ObservabilityOptions options, X509Certificate2? certificate)
    {
        if (options.MetricsPort is int metricsPort)
        {
            kestrel.Listen(address, metricsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(ListenerMark.Set(Listener.Metrics));
            });
        }
        if (options.DashboardPort is int dashboardPort)
        {
            kestrel.Listen(address, dashboardPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(ListenerMark.Set(Listener.Admin));
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        }
    }

    /// <summary>Before routing: the scrape endpoint answers on the metrics listener only.</summary>
    public static void UseMetricsEndpoint(this WebApplication app, ObservabilityOptions options)
    {
        if (options.MetricsPort is not null)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => ListenerMark.Of(context) == Listener.Metrics && context.Request.Path == "/metrics");
        }
    }

    /// <summary>After routing: the listener gate, then the dashboard (admin listener, admin role).</summary>
    public static void MapDashboard(this WebApplication app, ObservabilityOptions options)
    {
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(ObservabilityOptions.DashboardPath)
                .WithMetadata(AdminListenerOnly.Instance)
                .RequireAuthorization(Roles.Admin)
                .DisableRateLimiting();
        }
    }
}
