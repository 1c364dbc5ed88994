using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One block's final round of the normal-equation PPML (<see cref="PoissonRows.Final"/>): the QR factor of its fully
/// absorbed rows [√μ x̃, (y − μ)/√μ], and its summary whose score sum is the unwhitened Σ x̃(y − μ) over the block (the
/// coordinator whitens it once R is known).
/// </summary>
public sealed record PoissonFinalPart(QrPart Qr, PoissonScorePart Summary);
