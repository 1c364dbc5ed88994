using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A fitted PPML model. Arrays run over the reported coefficients (kept slopes; year dummies and entity effects are
/// absorbed). Plain arrays and numbers, so a host can wrap it.
/// </summary>
public sealed record PoissonFit
{
    public required string[] Names { get; init; }
    public required double[] Coefficients { get; init; }
    public required double[] StandardErrors { get; init; }

    /// <summary>Coefficient over standard error (z in ppmlhdfe, t in fixest).</summary>
    public required double[] TStatistics { get; init; }

    /// <summary>Two-sided p-values from Student t with <see cref="Df"/> degrees of freedom.</summary>
    public required double[] PValues { get; init; }

    /// <summary>Two-sided p-values from the standard normal (what ppmlhdfe and glm print).</summary>
    public required double[] NormalPValues { get; init; }
    public required double[] ConfidenceLower { get; init; }
    public required double[] ConfidenceUpper { get; init; }
    public required double ConfidenceLevel { get; init; }

    /// <summary>Covariance of the reported coefficients, row-major.</summary>
    public required double[] Covariance { get; init; }
    public required CovarianceKind CovarianceKind { get; init; }

    /// <summary>N − K (all parameters) for classical and HC; G − 1 for cluster covariances.</summary>
    public required double Df { get; init; }

    /// <summary>N: rows used, after separated rows are dropped.</summary>
    public required int Observations { get; init; }

    /// <summary>Reported coefficients.</summary>
    public required int Parameters { get; init; }

    /// <summary>Entity effects plus year dummies kept: the parameters absorbed and not reported.</summary>
    public required int AbsorbedParameters { get; init; }
    public required int Groups { get; init; }
    public required int Clusters { get; init; }
    /// <summary>Wald F of all reported coefficients being zero with the chosen covariance, on (WaldDf1, WaldDf2) df.</summary>
    public required double WaldF { get; init; }
    public required double WaldDf1 { get; init; }
    public required double WaldDf2 { get; init; }
    public required double WaldPValue { get; init; }
    public required double Deviance { get; init; }

    /// <summary>Squared correlation of y and μ (Santos Silva and Tenreyro's pseudo R², as ppmlhdfe reports).</summary>
    public required double PseudoRSquared { get; init; }

    /// <summary>Σ[y log μ − μ − log Γ(y + 1)], as R's logLik of a poisson glm.</summary>
    public required double LogLikelihood { get; init; }
    public required double Aic { get; init; }
    public required double Bic { get; init; }
    public required int Iterations { get; init; }
    public required bool Converged { get; init; }

    /// <summary>|Δdeviance|/(|deviance| + 0.1) at the last iteration.</summary>
    public required double LastChange { get; init; }
    public required string[] DroppedColumns { get; init; }

    /// <summary>Input rows dropped as separated (y = 0 predicted exactly by the effects or a regressor), in input order.</summary>
    public required int[] SeparatedRows { get; init; }

    /// <summary>Why rows were dropped, one line per cause, e.g. "12 rows of 2 entities whose y is all zero".</summary>
    public required string[] SeparationNotes { get; init; }
}
