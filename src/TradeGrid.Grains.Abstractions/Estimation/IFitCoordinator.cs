namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// Coordinator of one model. Key: <see cref="DesignSpec.FitId"/>. Fans out to the economy grains, combines their
/// summaries, solves, and caches the fit with the data versions it read: a later call with the same versions is
/// answered from the cache, one with changed versions refits. A refused fit caches nothing.
/// </summary>
[Alias("TradeGrid.IFitCoordinator")]
public interface IFitCoordinator : IGrainWithStringKey
{
    /// <summary>
    /// Fits (or serves from cache) the spec; refuses with ResourceLimitException above <paramref name="maxRows"/> rows.
    /// A fit runs as long as its rows need (a structural-gravity PPML on a busy machine takes minutes), so the call is
    /// not cut at Orleans' default 30-second response timeout: the caller's deadline and cancellation, which reach the
    /// grain through the token, and the row limit bound it instead.
    /// </summary>
    [Alias("Fit")]
    [ResponseTimeout("01:00:00")]
    ValueTask<FitOutcome> Fit(DesignSpec spec, int maxRows, CancellationToken cancellationToken = default);

    /// <summary>The last fit, with <see cref="FitOutcome.Stale"/> set when its data has changed; null if never fitted.</summary>
    [Alias("GetFit")]
    ValueTask<FitOutcome?> GetFit(CancellationToken cancellationToken = default);

    /// <summary>
    /// The last fit as kept, without asking its economies for their versions (<see cref="FitOutcome.Stale"/> is false
    /// whatever the data): for a caller that reads those economies anyway and compares their versions with
    /// <see cref="FitOutcome.Versions"/> itself. Null if never fitted.
    /// </summary>
    [Alias("PeekFit")]
    ValueTask<FitOutcome?> PeekFit(CancellationToken cancellationToken = default);
}
