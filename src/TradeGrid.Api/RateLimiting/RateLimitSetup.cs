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
                RequestBucket bucket = options.BucketFor(caller).Bucket;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
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
                RateLimitOptions options = Options(context);
                return options.Enabled
                    ? RateLimitPartition.GetConcurrencyLimiter(CallerIdentity.Name(context), _ => new ConcurrencyLimiterOptions { PermitLimit = options.JobsPerCaller, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty);
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

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
            (RequestBucket bucket, string setting) = options.BucketFor(caller);
            message = $"rate limit: {caller} has used its {bucket.TokenLimit} requests, refilled by {bucket.TokensPerPeriod} every "
                + $"{bucket.ReplenishmentPeriodSeconds.ToString(CultureInfo.InvariantCulture)} s ({setting}); retry after {retryAfter} s";
        }
        else
        {
            retryAfter = options.JobsRetryAfterSeconds;
            message = $"rate limit: {caller} is already running {options.JobsPerCaller} long jobs (Import, ForecastAll, EstimateWorld), "
                + $"its limit (TradeGrid:RateLimits:JobsPerCaller); retry when one finishes (retry after {retryAfter} s)";
        }
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status429TooManyRequests, message);
    }
}
