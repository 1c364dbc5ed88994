using Google.Protobuf.WellKnownTypes;
using TradeGrid.Api.RateLimiting;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.Admin;

/// <summary>Maps configured and admin-set rate limits to AdminService's CallerLimit.</summary>
public static class LimitMapping
{
    public const string Configuration = "configuration";
    public const string Admin = "admin";

    public static CallerLimit ToProto(string caller, RequestBucket bucket, int jobs) => new()
    {
        Caller = caller,
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerPeriod,
        ReplenishmentPeriodSeconds = bucket.ReplenishmentPeriodSeconds,
        Jobs = jobs,
        Origin = Configuration,
    };

    public static CallerLimit ToProto(StoredCallerLimit limit) => new()
    {
        Caller = limit.Caller,
        TokenLimit = limit.TokenLimit,
        TokensPerPeriod = limit.TokensPerPeriod,
        ReplenishmentPeriodSeconds = limit.ReplenishmentPeriodSeconds,
        Jobs = limit.Jobs,
        Origin = Admin,
        SetBy = limit.SetBy,
        SetAt = Timestamp.FromDateTimeOffset(limit.SetAt),
    };

    /// <summary>Every limit in force or configured: the admin ones and configuration's per key and subject, by caller, admin first.</summary>
    public static ListLimitsResponse ToProto(RateLimitOptions configured, IEnumerable<StoredCallerLimit> admin)
    {
        var response = new ListLimitsResponse
        {
            Enabled = configured.Enabled,
            DefaultLimit = ToProto(string.Empty, configured.Requests, configured.JobsPerCaller),
            RefreshSeconds = configured.RefreshSeconds,
        };
        IEnumerable<CallerLimit> fromConfiguration =
            configured.Keys.Select(k => ToProto($"key:{k.Key}", k.Value, configured.JobsPerCaller))
                .Concat(configured.Subjects.Select(s => ToProto($"jwt:{s.Key}", s.Value, configured.JobsPerCaller)));
        response.Callers.AddRange(admin.Select(ToProto).Concat(fromConfiguration)
            .OrderBy(l => l.Caller, StringComparer.Ordinal).ThenBy(l => l.Origin == Admin ? 0 : 1));
        return response;
    }
}
