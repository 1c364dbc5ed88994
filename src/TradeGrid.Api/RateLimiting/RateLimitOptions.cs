using TradeGrid.Api.Security;

namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// Configuration section TradeGrid:RateLimits: per caller (an API key, a JWT subject, or an anonymous caller's
/// address), a token bucket for requests and a concurrency limit for long jobs (Import, ForecastAll, EstimateWorld, RunScenario).
/// A request over either is refused at once with ResourceExhausted (HTTP 429) and a retry-after; none is queued.
/// Health and reflection are not limited. The server-wide bound on long jobs stays TradeGrid:Limits:MaxConcurrentJobs.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "TradeGrid:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>The bucket every caller gets unless <see cref="Keys"/> or <see cref="Subjects"/> names it.</summary>
    public RequestBucket Requests { get; set; } = new();

    /// <summary>Buckets for API keys by key id (TradeGrid:RateLimits:Keys:ID): a quota per key.</summary>
    public Dictionary<string, RequestBucket> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Buckets for JWT subjects (TradeGrid:RateLimits:Subjects:SUBJECT).</summary>
    public Dictionary<string, RequestBucket> Subjects { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Long jobs one caller may run at once.</summary>
    public int JobsPerCaller { get; set; } = 2;

    /// <summary>
    /// How old this gateway's copy of the admin limits (AdminService.SetCallerLimit) may get before it is read again:
    /// a change made on another silo applies here within this time.
    /// </summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>Why these limits cannot work, or null.</summary>
    public string? Error() =>
        JobsPerCaller < 1 ? $"{Section}:JobsPerCaller must be at least 1"
        : RefreshSeconds is <= 0 or > 3600 ? $"{Section}:RefreshSeconds must be above 0 and at most 3600"
        : Requests.Error($"{Section}:Requests")
            ?? Keys.Select(k => k.Value.Error($"{Section}:Keys:{k.Key}")).FirstOrDefault(e => e is not null)
            ?? Subjects.Select(k => k.Value.Error($"{Section}:Subjects:{k.Key}")).FirstOrDefault(e => e is not null);

    /// <summary>The bucket of a caller (<c>key:ID</c>, <c>jwt:SUBJECT</c>, anonymous) and the setting it comes from.</summary>
    public (RequestBucket Bucket, string Setting) BucketFor(string caller)
    {
        if (caller.StartsWith(CallerIdentity.KeyPrefix, StringComparison.Ordinal) && Keys.TryGetValue(caller[CallerIdentity.KeyPrefix.Length..], out RequestBucket? key))
        {
            return (key, $"{Section}:Keys:{caller[CallerIdentity.KeyPrefix.Length..]}");
        }
        if (caller.StartsWith(CallerIdentity.JwtPrefix, StringComparison.Ordinal) && Subjects.TryGetValue(caller[CallerIdentity.JwtPrefix.Length..], out RequestBucket? subject))
        {
            return (subject, $"{Section}:Subjects:{caller[CallerIdentity.JwtPrefix.Length..]}");
        }
        return (Requests, $"{Section}:Requests");
    }

    /// <summary>The retry-after sent with a refused long job (a running job's end cannot be known).</summary>
    public int JobsRetryAfterSeconds { get; set; } = 10;
}
