using System.Collections.Concurrent;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// Duan's smearing factor of a log fit, summed over the fit's economies (one round of <c>SmearingPart</c> calls, each
/// building its economy's rows), kept per fit and the moment it was made: a refit gets a new key, so a kept factor is
/// never stale. Shared by Predict and scenarios in this process, so a scenario on a fit pays the round once, not once
/// per run.
/// </summary>
internal static class SmearingFactors
{
    private const int MaxKept = 256;

    private static readonly ConcurrentDictionary<(string FitId, DateTimeOffset FittedAt, int Economies), double> _kept = new();

    public static async Task<double> OfAsync(IGrainFactory grains, FitOutcome fit, CancellationToken cancellationToken)
    {
        var key = (fit.FitId, fit.FittedAt, fit.Spec.Economies.Length);
        if (_kept.TryGetValue(key, out double factor))
        {
            return factor;
        }

        SmearingSum[] parts = await Task.WhenAll(fit.Spec.Economies.Select(e =>
            grains.EconomyExtrapolation(e).SmearingPart(fit.Spec, fit.Statistics.Coefficients, cancellationToken).AsTask()));
        factor = Smearing.Factor(parts.Sum(p => p.Sum), parts.Sum(p => (long)p.Count));
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        _kept[key] = factor;
        return factor;
    }
}
