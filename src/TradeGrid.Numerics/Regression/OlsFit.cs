namespace TradeGrid.Numerics.Regression;

/// <summary>
/// A fitted linear model (pooled OLS or fixed effects). Arrays run over the reported coefficients
/// (the kept columns; for fixed effects the slopes only). Plain arrays and numbers, so a host can wrap it.
/// </summary>
public sealed record OlsFit
{
    public required string[] Names { get; init; }
    public required double[] Coefficients { get; init; }
    public required double[] StandardErrors { get; init; }
    public required double[] TStatistics { get; init; }

    /// <summary>Two-sided p-values from Student t with <see cref="Df"/> degrees of freedom.</summary>
    public required double[] PValues { get; init; }

    /// <summary>Two-sided p-values from the standard normal.</summary>
    public required double[] NormalPValues { get; init; }
    public required double[] ConfidenceLower { get; init; }
    public required double[] ConfidenceUpper { get; init; }
    public required double ConfidenceLevel { get; init; }

    /// <summary>Covariance of the reported coefficients, row-major.</summary>
    public required double[] Covariance { get; init; }
    public required CovarianceKind CovarianceKind { get; init; }

    /// <summary>Degrees of freedom of the t tests: the residual df, or G − 1 for a cluster covariance.</summary>
    public required double Df { get; init; }

    /// <summary>N: rows used.</summary>
    public required int Observations { get; init; }

    /// <summary>K: reported coefficients.</summary>
    public required int Parameters { get; init; }

    /// <summary>Parameters absorbed and not reported: entity effects plus year dummies kept.</summary>
    public required int AbsorbedParameters { get; init; }

    /// <summary>G: clusters of a cluster covariance (0 otherwise).</summary>
    public required int Clusters { get; init; }

    /// <summary>Fixed-effect groups absorbed by the within transformation (0 for pooled OLS).</summary>
    public required int Groups { get; init; }

    /// <summary>N − K − absorbed parameters.</summary>
    public required int ResidualDf { get; init; }

    /// <summary>
    /// Pooled OLS: R² (centred when there is an intercept). Fixed effects: 1 − RSS/Σ(y − ȳ)², the R² of the
    /// equivalent dummy-variable regression (fixest's "R2").
    /// </summary>
    public required double RSquared { get; init; }

    /// <summary>1 − (1 − R²)(N − 1)/(residual df); N instead of N − 1 without an intercept.</summary>
    public required double AdjustedRSquared { get; init; }

    /// <summary>Within R² for fixed effects (plm's r.squared of a within model); NaN for pooled OLS.</summary>
    public required double WithinRSquared { get; init; }

    /// <summary>plm's adjusted within R², 1 − (1 − within R²)(N − 1)/(residual df); NaN for pooled OLS.</summary>
    public required double AdjustedWithinRSquared { get; init; }

    /// <summary>Classical F of all reported slopes (not the intercept) being zero, on (FDf1, FDf2) df.</summary>
    public required double FStatistic { get; init; }
    public required double FDf1 { get; init; }
    public required double FDf2 { get; init; }
    public required double FPValue { get; init; }

    /// <summary>Wald F with the chosen covariance, on (FDf1, WaldDf2) df; equals F for a classical covariance.</summary>
    public required double WaldF { get; init; }
    public required double WaldDf2 { get; init; }
    public required double WaldPValue { get; init; }

    /// <summary>√(RSS/residual df).</summary>
    public required double Sigma { get; init; }
    public required double Rss { get; init; }

    /// <summary>Gaussian log-likelihood counting every parameter, absorbed ones too (R's logLik of lm with dummies).</summary>
    public required double LogLikelihood { get; init; }
    public required double Aic { get; init; }
    public required double Bic { get; init; }

    /// <summary>Columns dropped as collinear with earlier ones (only when asked to drop them).</summary>
    public required string[] DroppedColumns { get; init; }
}
