using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One block's (one cluster's) final round at the converged coefficients: its whitened scores x̃ᵢ(yᵢ − μᵢ) and
/// the sums behind deviance, log-likelihood and the pseudo R² (centred moments, combined as Chan et al. do).
/// </summary>
/// <param name="Scores">Whitened score sum and HC meat (see <see cref="ScoreBasis"/>).</param>
/// <param name="Groups">Entity effects absorbed in the block (after dropping all-zero entities).</param>
/// <param name="SeparatedRows">The block's row indices dropped because their entity's y is all zero.</param>
/// <param name="Deviance">Σ of the block's deviance terms.</param>
/// <param name="LogLikelihood">Σ[y log μ − μ − log Γ(y + 1)].</param>
/// <param name="MeanY">Mean of y over the kept rows.</param>
/// <param name="MeanMu">Mean of μ over the kept rows.</param>
/// <param name="Syy">Σ(y − ȳ)².</param>
/// <param name="Smm">Σ(μ − μ̄)².</param>
/// <param name="Sym">Σ(y − ȳ)(μ − μ̄).</param>
public sealed record PoissonScorePart(
    ScorePart Scores,
    int Groups,
    int[] SeparatedRows,
    double Deviance,
    double LogLikelihood,
    double MeanY,
    double MeanMu,
    double Syy,
    double Smm,
    double Sym);
