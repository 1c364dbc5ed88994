using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// A prediction request for one economy: the fit's spec (its regressors say how to build a row), the model, the
/// years (0 = open; open on both sides: every year a regressor has), whether years with a reported dependent are
/// predicted too, the interval level, and whether to store the predictions as <c>estimated</c> values citing
/// <see cref="Citation"/> (staged for the atomic write <see cref="WriteId"/>; none: written to this economy alone).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PredictionJob")]
public sealed record PredictionJob(
    [property: Id(0)] DesignSpec Spec,
    [property: Id(1)] PredictionTerms Terms,
    [property: Id(2)] int From,
    [property: Id(3)] int To,
    [property: Id(4)] bool IncludeObserved,
    [property: Id(5)] double Level,
    [property: Id(6)] bool Store,
    [property: Id(7)] string Citation,
    [property: Id(8)] Guid WriteId = default);
