using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradeGrid.Api.Hosting;

/// <summary>Healthy once the start-up data is loaded; until then the server answers but says it is not ready.</summary>
public sealed class DatasetHealthCheck(DatasetReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("dataset loaded")
            : readiness.Failure is { } failure
                ? HealthCheckResult.Unhealthy("dataset failed to load: " + failure)
                : HealthCheckResult.Unhealthy("loading the dataset"));
}
