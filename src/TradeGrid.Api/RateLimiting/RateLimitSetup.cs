using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// ASP.NET Core rate limiting for TradeGrid (<see cref="RateLimitOptions"/>): a global token-bucket limiter
/// partitioned by caller, and the <see cref="JobsPolicy"/> concurrency limiter, partitioned the same way, which
/// <see cref="RpcAccessConventions"/> puts on the long jobs. Refusals say which limit, its setting, and when to retry.
/// </summary>
public static class RateLimitSetup
{
    public const string JobsPolicy = "jobs";

    public static IServiceCollection AddTradeGridRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(RateLimitOptions.Section);
        if ((section.Get<RateLimitOptions>() ?? new RateLimitOptions()).Error() is { } error)
        {
            throw new StartupRefusedException(error);
        }
        services.Configure<RateLimitOptions>(section);
        services.AddSingleton<AdminCallerLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                RateLimitOptions options = Options(context);
                if (!options.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                string caller = CallerIdentity.Name(context);
                EffectiveLimit limit = Limits(context).Resolve(caller);
                RequestBucket bucket = limit.Bucket;
                return RateLimitPartition.GetTokenBucketLimiter(limit.BucketPartition(caller), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = bucket.TokenLimit,
                    TokensPerPeriod = bucket.TokensPerPeriod,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(bucket.ReplenishmentPeriodSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.AddPolicy(JobsPolicy, context =>
            {
                if (!Options(context).Enabled)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                string caller = CallerIdentity.Name(context);
                EffectiveLimit limit = Limits(context).Resolve(caller);
                return RateLimitPartition.GetConcurrencyLimiter(limit.JobsPartition(caller), _ => new ConcurrencyLimiterOptions { PermitLimit = limit.Jobs, QueueLimit = 0 });
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static AdminCallerLimits Limits(HttpContext context) => context.RequestServices.GetRequiredService<AdminCallerLimits>();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        HttpContext context = rejected.HttpContext;
        RateLimitOptions options = Options(context);
        string caller = CallerIdentity.Name(context);
        string message;
        int retryAfter;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait))
        {
            retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            EffectiveLimit limit = Limits(context).Resolve(caller);
            message = $"rate limit: {caller} has used its {limit.Bucket.TokenLimit} requests, refilled by {limit.Bucket.TokensPerPeriod} every "
                + $"{limit.Bucket.ReplenishmentPeriodSeconds.ToString(CultureInfo.InvariantCulture)} s ({limit.BucketSetting}); retry after {retryAfter} s";
        }
        else
        {
            retryAfter = options.JobsRetryAfterSeconds;
            EffectiveLimit limit = Limits(context).Resolve(caller);
            message = $"rate limit: {caller} is already running {limit.Jobs} long jobs (Import, ForecastAll, EstimateWorld, RunScenario), "
                + $"its limit ({limit.JobsSetting}); retry when one finishes (retry after {retryAfter} s)";
        }
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status429TooManyRequests, message);
    }
}
