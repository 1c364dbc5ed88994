using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.RateLimiting;

/// <summary>
/// This gateway's copy of the per-caller limits set through the admin RPCs (<see cref="ICallerLimitStoreGrain"/>).
/// The rate limiter asks it on every request, so it answers from memory: a change made through this gateway applies at
/// once; a copy older than <see cref="RateLimitOptions.RefreshSeconds"/> is read again in the background, so a change
/// made on another silo applies here within that time.
/// </summary>
public sealed class AdminCallerLimits(IGrainFactory grains, IOptions<RateLimitOptions> options, TimeProvider time, ILogger<AdminCallerLimits> log)
{
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, StoredCallerLimit> _limits = new Dictionary<string, StoredCallerLimit>(StringComparer.Ordinal);
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;
    private int _version;
    private Task? _refreshing;

    /// <summary>The caller's admin limit, or null; starts a background read when the copy is old.</summary>
    public StoredCallerLimit? Find(string caller)
    {
        if (time.GetUtcNow() - _fetched > TimeSpan.FromSeconds(options.Value.RefreshSeconds))
        {
            StartRefresh();
        }
        return _limits.GetValueOrDefault(caller);
    }

    /// <summary>The limits in force for a caller: its admin limit, else configuration's.</summary>
    public EffectiveLimit Resolve(string caller)
    {
        RateLimitOptions configured = options.Value;
        if (Find(caller) is { } admin)
        {
            var bucket = new RequestBucket
            {
                TokenLimit = admin.TokenLimit,
                TokensPerPeriod = admin.TokensPerPeriod,
                ReplenishmentPeriodSeconds = admin.ReplenishmentPeriodSeconds,
            };
            string setting = $"the admin limit of {caller}, set by {admin.SetBy} (SetCallerLimit)";
            return new EffectiveLimit(bucket, admin.Jobs, setting, setting);
        }
        (RequestBucket configuredBucket, string bucketSetting) = configured.BucketFor(caller);
        return new EffectiveLimit(configuredBucket, configured.JobsPerCaller, bucketSetting, $"{RateLimitOptions.Section}:JobsPerCaller");
    }

    /// <summary>Reads the stored limits now (ListLimits does, so it shows what storage holds).</summary>
    public async Task<IReadOnlyDictionary<string, StoredCallerLimit>> RefreshAsync(CancellationToken cancellationToken)
    {
        int version = _version;
        StoredCallerLimit[] stored = await grains.CallerLimits().List(cancellationToken);
        var limits = stored.ToDictionary(l => l.Caller, StringComparer.Ordinal);
        lock (_gate)
        {
            // A change this gateway made while the read was in flight is newer than the read: keep it.
            if (version == _version)
            {
                _limits = limits;
            }
            _fetched = time.GetUtcNow();
            return _limits;
        }
    }

    /// <summary>Applies a limit this gateway has just stored.</summary>
    public void Put(StoredCallerLimit limit) => Change(d => d[limit.Caller] = limit);

    /// <summary>Forgets a limit this gateway has just removed from storage.</summary>
    public void Forget(string caller) => Change(d => d.Remove(caller));

    private void Change(Action<Dictionary<string, StoredCallerLimit>> change)
    {
        lock (_gate)
        {
            var copy = new Dictionary<string, StoredCallerLimit>(_limits, StringComparer.Ordinal);
            change(copy);
            _limits = copy;
            _version++;
        }
    }

    private void StartRefresh()
    {
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false })
            {
                return;
            }
            _refreshing = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Keep the last copy; the next request past the refresh time tries again.
                    lock (_gate)
                    {
                        _fetched = time.GetUtcNow();
                    }
                    log.LogWarning(ex, "rate limits: the admin limits could not be read; keeping the last copy");
                }
            });
        }
    }
}
