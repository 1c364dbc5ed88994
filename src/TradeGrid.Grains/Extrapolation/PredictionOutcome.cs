using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// What a prediction rested on and gave: the fit used (the requested one, or its refit), whether it was refitted
/// because its data had changed, the fixed-effects rule applied, the model (scale, correction and its factor) and
/// each economy's predictions.
/// </summary>
public sealed record PredictionOutcome(
    FitOutcome Fit,
    string RequestedFitId,
    bool Refitted,
    string EffectsRule,
    PredictionModel Model,
    double CorrectionFactor,
    EconomyPredictions[] Economies);
