namespace TradeGrid.Numerics.Regression;

/// <summary>
/// One cluster's (one block's) contribution to a sandwich covariance, computed where the rows are,
/// given the coefficients. For a cluster-robust covariance the block is the cluster, so only its score sum
/// leaves; for HC0/HC1 the per-row outer products are summed locally into <see cref="Meat"/>.
/// </summary>
/// <param name="Observations">Rows in the block.</param>
/// <param name="ScoreSum">Σᵢ uᵢ over the block's rows, uᵢ = R⁻ᵀxᵢeᵢ over the r kept columns (see <see cref="ScoreBasis"/>): the whitened X_g'e_g.</param>
/// <param name="Meat">Σᵢ uᵢuᵢ' (r×r, row-major), for HC0/HC1.</param>
/// <param name="ResidualSquares">Σᵢ eᵢ², for checks; the fit takes its RSS from the combined QR.</param>
public sealed record ScorePart(int Observations, double[] ScoreSum, double[] Meat, double ResidualSquares);
