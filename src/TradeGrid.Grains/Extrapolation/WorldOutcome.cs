using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>The pipeline's result: per year the world estimate, per economy and year its coverage, the share model's fit, and what was stored.</summary>
public sealed record WorldOutcome(
    WorldYearOutcome[] Years,
    (string Economy, WorldRow Row)[] Economies,
    FitOutcome Fit,
    int OutsideUnitInterval,
    long Stored);
