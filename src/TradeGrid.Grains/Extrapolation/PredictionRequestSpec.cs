using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// A validated prediction request: fit id, target economies (resolved codes; <see cref="Named"/> when the request named
/// them rather than taking every economy), years (0 = open), level and options.
/// </summary>
public sealed record PredictionRequestSpec(
    string FitId,
    string[] Economies,
    int From,
    int To,
    bool IncludeObserved,
    double Level,
    BiasCorrection Correction,
    bool ForbidRefit,
    bool Store,
    bool Named = false);
