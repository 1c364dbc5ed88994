using TradeGrid.Numerics.Forecasting.Ets;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The exponential smoothing models fitted to one series, kept so that methods fitting the same model to the same
/// series share the fit instead of repeating the optimisation: <c>etsdamped</c> chooses between ETS(A,Ad,N) and
/// ETS(M,Ad,N), two of the six models <c>ets</c> compares, and <c>ses</c> is the ETS(A,N,N) fit by mean squared
/// error that <c>thetaf</c> starts from. A fit depends only on the series and the model, so a shared fit is the fit:
/// the forecasts are the same to the last bit with or without the cache. A caller that forecasts one series with
/// several methods (the economy grain) passes one cache to each; a different series is fitted afresh. Safe for
/// concurrent use.
/// </summary>
public sealed class EtsFitCache
{
    private readonly double[] _series;
    private readonly Dictionary<(EtsCandidate Model, bool MinimiseMse), EtsFit?> _fits = [];
    private readonly Lock _lock = new();

    /// <param name="y">The series the fits belong to, oldest first.</param>
    public EtsFitCache(ReadOnlySpan<double> y) => _series = y.ToArray();

    /// <summary>The fit of model to y: from the cache when y is this cache's series, else fitted.</summary>
    internal static EtsFit? Fit(EtsFitCache? cache, double[] y, EtsCandidate model, bool minimiseMse = false)
    {
        if (cache is null || !y.AsSpan().SequenceEqual(cache._series))
        {
            return EtsEstimator.Fit(y, model, minimiseMse);
        }
        lock (cache._lock)
        {
            if (cache._fits.TryGetValue((model, minimiseMse), out EtsFit? known))
            {
                return known;
            }
        }
        EtsFit? fit = EtsEstimator.Fit(y, model, minimiseMse);
        lock (cache._lock)
        {
            cache._fits[(model, minimiseMse)] = fit;
        }
        return fit;
    }
}
