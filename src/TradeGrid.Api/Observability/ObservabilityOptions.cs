namespace TradeGrid.Api.Observability;

/// <summary>
/// Configuration section TradeGrid:Observability: where metrics and traces go. Everything is off by default, and
/// then no OpenTelemetry provider is built at all.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "TradeGrid:Observability";

    /// <summary>The standard OpenTelemetry variable, read when <see cref="OtlpEndpoint"/> is not set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Port of the Prometheus scrape endpoint (<c>GET /metrics</c>, HTTP/1.1 on the <c>--host</c> address, nothing
    /// else served there); null: none. 0 picks a free port. <c>--metrics-port</c>.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>How long the scrape endpoint answers from its last collection (the exporter's default: 300 ms).</summary>
    public int ScrapeCacheMilliseconds { get; set; } = 300;

    /// <summary>
    /// OTLP collector (gRPC, e.g. <c>http://collector:4317</c>) that receives traces, metrics and logs; null: the
    /// environment's <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else no export. <c>--otlp-endpoint</c>.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Port of the admin listener, which serves the Orleans dashboard at <c>/dashboard</c> to callers with the admin
    /// role and nothing else; null: no dashboard (it is not even added to the silo). 0 picks a free port.
    /// <c>--dashboard-port</c>.
    /// </summary>
    public int? DashboardPort { get; set; }

    /// <summary>The dashboard's path on the admin listener.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The collector to export to, from the setting or the environment; null: none.</summary>
    public string? EffectiveOtlpEndpoint =>
        OtlpEndpoint is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable(OtlpEndpointVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    public bool Metrics => MetricsPort is not null || EffectiveOtlpEndpoint is not null;

    public bool Tracing => EffectiveOtlpEndpoint is not null;

    public bool Dashboard => DashboardPort is not null;
}
