namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// Coordinator of one model. Key: <see cref="DesignSpec.FitId"/>. Fans out to the economy grains, combines their
/// summaries, solves, and caches the fit with the data versions it read: a later call with the same versions is
/// answered from the cache, one with changed versions refits. A refused fit caches nothing.
/// </summary>
[Alias("TradeGrid.IFitCoordinator")]
public interface IFitCoordinator : IGrainWithStringKey
{
    /// <summary>Fits (or serves from cache) the spec; refuses with ResourceLimitException above <paramref name="maxRows"/> rows.</summary>
    [Alias("Fit")]
    ValueTask<FitOutcome> Fit(DesignSpec spec, int maxRows, CancellationToken cancellationToken = default);

    /// <summary>The last fit, with <see cref="FitOutcome.Stale"/> set when its data has changed; null if never fitted.</summary>
    [Alias("GetFit")]
    ValueTask<FitOutcome?> GetFit(CancellationToken cancellationToken = default);
}
