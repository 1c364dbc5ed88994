namespace TradeGrid.Numerics.Regression;

/// <summary>
/// One block's least-squares summary for tall-skinny QR: the triangular factor of the block's
/// (weighted, transformed) rows [X y]. Blocks combine by stacking their factors and factoring again,
/// so the coordinator never sees a row and never forms X'X (which would square the condition number).
/// </summary>
/// <param name="Observations">Rows in the block (n).</param>
/// <param name="Groups">Fixed-effect groups absorbed in the block by the within transformation (0 without entity effects).</param>
/// <param name="Columns">Columns of X (k).</param>
/// <param name="R">k×k upper triangle of the QR of X, row-major (entries below the diagonal are zero).</param>
/// <param name="Qty">Q'y, length k.</param>
/// <param name="ResidualNorm">‖y − X b‖ of the block's own least-squares fit: the last diagonal entry of the QR of [X y].</param>
/// <param name="Yty">y'y of the block's rows.</param>
/// <param name="YMean">Mean of the block's dependent before any within transformation (for the overall R² of a fixed-effects fit).</param>
/// <param name="YCentredSquares">Σ(y − ȳ)² about that mean; blocks combine these as Chan, Golub and LeVeque do.</param>
public sealed record QrPart(int Observations, int Groups, int Columns, double[] R, double[] Qty, double ResidualNorm, double Yty, double YMean, double YCentredSquares)
{
    /// <summary>
    /// The low parts of the augmented factor [R Q'y; 0 ρ] ((k+1)², row-major, signs as in R, Qty and ResidualNorm) when it
    /// was computed in double-double by <see cref="CompensatedQr"/>; null otherwise. One process only: parts that cross a
    /// grain call or combine (<see cref="TallSkinnyQr.Combine"/>) carry none.
    /// </summary>
    public double[]? AugmentedLow { get; init; }
}
