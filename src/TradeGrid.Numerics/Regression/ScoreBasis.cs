namespace TradeGrid.Numerics.Regression;

/// <summary>
/// What the coordinator sends each block for the second (score) round: the coefficients and the triangular factor R
/// of the kept columns. Blocks return whitened scores uᵢ = R⁻ᵀ xᵢ eᵢ, so the sandwich is R⁻¹(Σ u u')R⁻ᵀ: forming the
/// raw meat Σ e² x x' first would lose every digit the condition number squares (a degree-10 polynomial loses ~1e-3).
/// </summary>
/// <param name="Beta">One coefficient per column of the block's design (zero for a dropped column).</param>
/// <param name="Retained">Indices of the columns kept by the solve, increasing; r of them.</param>
/// <param name="R">r×r upper-triangular factor of the kept columns, row-major.</param>
public sealed record ScoreBasis(double[] Beta, int[] Retained, double[] R);
