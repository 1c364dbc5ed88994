namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// The limits in force for one caller and where each comes from (a configuration path, or the admin limit), as the
/// refusal message names them.
/// </summary>
public sealed record EffectiveLimit(RequestBucket Bucket, int Jobs, string BucketSetting, string JobsSetting)
{
    /// <summary>The rate limiter's partition: a changed limit is a new partition, so it applies to the next request.</summary>
    public string BucketPartition(string caller) =>
        FormattableString.Invariant($"{caller}|{Bucket.TokenLimit}|{Bucket.TokensPerPeriod}|{Bucket.ReplenishmentPeriodSeconds:R}");

    public string JobsPartition(string caller) => FormattableString.Invariant($"{caller}|{Jobs}");
}
