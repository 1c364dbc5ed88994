namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// Configuration section TradeGrid:RateLimits: per caller (an API key, a JWT subject, or an anonymous caller's
/// address), a token bucket for requests and a concurrency limit for long jobs (Import, ForecastAll, EstimateWorld).
/// A request over either is refused at once with ResourceExhausted (HTTP 429) and a retry-after; none is queued.
/// Health and reflection are not limited. The server-wide bound on long jobs stays TradeGrid:Limits:MaxConcurrentJobs.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "TradeGrid:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>The bucket every caller gets unless <see cref="Callers"/> names it.</summary>
    public RequestBucket Requests { get; set; } = new();

    /// <summary>Buckets for named callers (<c>key:ID</c>, <c>jwt:SUBJECT</c>): a quota per key.</summary>
    public Dictionary<string, RequestBucket> Callers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Long jobs one caller may run at once.</summary>
    public int JobsPerCaller { get; set; } = 2;

    /// <summary>The retry-after sent with a refused long job (a running job's end cannot be known).</summary>
    public int JobsRetryAfterSeconds { get; set; } = 10;
}
