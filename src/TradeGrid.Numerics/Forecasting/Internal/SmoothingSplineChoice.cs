namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// <see cref="SmoothingSplineGcv"/>'s result: λ (of the last spar evaluated, as R reports it), spar and the criterion
/// at the search's final point, and whether the last fit failed (the penalised matrix not positive definite: R's
/// ier, an error when spar &lt; 0.5).
/// </summary>
internal readonly record struct SmoothingSplineChoice(double Lambda, double Spar, double Criterion, bool Failed);
