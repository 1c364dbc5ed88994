namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One block's share of a PPML step's normal equations over (year dummies, slopes) with its entities' effects
/// concentrated out (what <see cref="PoissonRows.Step"/> returns and <see cref="PoissonNewtonIterations"/> sums): O(q² + k²)
/// numbers, never rows. Entities must not span blocks.
/// </summary>
/// <param name="Years">q, the year dummies.</param>
/// <param name="Slopes">k.</param>
/// <param name="SlopeProducts">Σ μ x̃x̃' over the slopes (k × k, upper triangle).</param>
/// <param name="SlopeRhs">Σ x̃ r.</param>
/// <param name="Cross">Σ μ x̃ per dummy year (q × k).</param>
/// <param name="YearWeight">Σ μ per dummy year.</param>
/// <param name="YearCoupling">Σ_g c_g c_g'/W_g (q × q).</param>
/// <param name="YearRhs">Σ r per dummy year.</param>
/// <param name="Deviance">The block's deviance at the step's μ.</param>
/// <param name="SumY">Σ y of the block's rows.</param>
public sealed record NewtonPart(
    int Years,
    int Slopes,
    double[] SlopeProducts,
    double[] SlopeRhs,
    double[] Cross,
    double[] YearWeight,
    double[] YearCoupling,
    double[] YearRhs,
    double Deviance,
    double SumY);
