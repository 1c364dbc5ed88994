using TradeGrid.Api.RateLimiting;
using TradeGrid.Api.Security;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.Admin;

/// <summary>Checks a SetCallerLimitRequest and turns it into the limit to store, a field left 0 taking configuration's value.</summary>
public static class CallerLimitRequest
{
    public const int MaxTokens = 1_000_000;
    public const int MaxJobs = 1_000;
    public const double MaxPeriodSeconds = 3600;
    private const int MaxCallerLength = 200;

    /// <summary>The caller named by a request, checked: key:ID or jwt:SUBJECT.</summary>
    public static string Caller(string? caller)
    {
        string name = caller?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxCallerLength
            || !(name.StartsWith(CallerIdentity.KeyPrefix, StringComparison.Ordinal) || name.StartsWith(CallerIdentity.JwtPrefix, StringComparison.Ordinal))
            || name.Length == CallerIdentity.KeyPrefix.Length
            || name.Any(char.IsControl))
        {
            throw new InvalidSpecException(
                $"caller {InputQuote.Quote(name)}: give key:ID or jwt:SUBJECT (at most {MaxCallerLength} characters), as ListAuditEntries names callers");
        }
        return name;
    }

    public static StoredCallerLimit ToStored(SetCallerLimitRequest request, RateLimitOptions configured, string setBy, DateTimeOffset at)
    {
        string caller = Caller(request.Caller);
        Check(request.TokenLimit, MaxTokens, "token_limit");
        Check(request.TokensPerPeriod, MaxTokens, "tokens_per_period");
        Check(request.Jobs, MaxJobs, "jobs");
        double period = request.ReplenishmentPeriodSeconds;
        if (double.IsNaN(period) || period < 0 || period > MaxPeriodSeconds)
        {
            throw new InvalidSpecException($"replenishment_period_seconds {period}: give a number of seconds above 0 and at most {MaxPeriodSeconds} (0: configuration's)");
        }
        if (request.TokenLimit == 0 && request.TokensPerPeriod == 0 && period == 0 && request.Jobs == 0)
        {
            throw new InvalidSpecException("token_limit, tokens_per_period, replenishment_period_seconds, jobs: give at least one (0 keeps configuration's value)");
        }
        RequestBucket bucket = configured.BucketFor(caller).Bucket;
        return new StoredCallerLimit
        {
            Caller = caller,
            TokenLimit = request.TokenLimit == 0 ? bucket.TokenLimit : request.TokenLimit,
            TokensPerPeriod = request.TokensPerPeriod == 0 ? bucket.TokensPerPeriod : request.TokensPerPeriod,
            ReplenishmentPeriodSeconds = period == 0 ? bucket.ReplenishmentPeriodSeconds : period,
            Jobs = request.Jobs == 0 ? configured.JobsPerCaller : request.Jobs,
            SetBy = setBy,
            SetAt = at,
        };
    }

    private static void Check(int value, int max, string field)
    {
        if (value < 0 || value > max)
        {
            throw new InvalidSpecException($"{field} {value}: give 1 to {max} (0 keeps configuration's value)");
        }
    }
}
