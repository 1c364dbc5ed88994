namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// One caller's token bucket: at most <see cref="TokenLimit"/> requests at once (the burst), refilled by
/// <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriodSeconds"/>. The default sustains 2,000 requests/s
/// with bursts of 4,000.
/// </summary>
public sealed class RequestBucket
{
    public int TokenLimit { get; set; } = 4000;

    public int TokensPerPeriod { get; set; } = 200;

    public double ReplenishmentPeriodSeconds { get; set; } = 0.1;

    /// <summary>Why the bucket cannot work, or null.</summary>
    public string? Error(string setting) =>
        TokenLimit < 1 ? $"{setting}:TokenLimit must be at least 1"
        : TokensPerPeriod < 1 ? $"{setting}:TokensPerPeriod must be at least 1"
        : ReplenishmentPeriodSeconds <= 0 ? $"{setting}:ReplenishmentPeriodSeconds must be above 0"
        : null;
}
