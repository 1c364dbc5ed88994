using TradeGrid.Domain;

namespace TradeGrid.Numerics.Regression;

/// <summary>How to fit a linear model (OLS or fixed effects): the covariance, the CI level, the collinearity rule.</summary>
/// <param name="Covariance">Covariance estimator; cluster kinds need clusters (single process) or one score part per cluster.</param>
/// <param name="ConfidenceLevel">Level of the confidence intervals, in (0, 1).</param>
/// <param name="DropCollinear">Drop columns collinear with earlier ones and report them, instead of refusing.</param>
/// <param name="CollinearityTolerance">A column is collinear when the sine of its angle to the span of the earlier kept columns is at most this (R's lm: 1e-7).</param>
/// <param name="InterceptColumn">Index of the constant column, −1 for none (Ols.Fit then looks for a column of ones): R² is centred and F excludes it only when there is one.</param>
public sealed record OlsOptions(
    CovarianceKind Covariance = CovarianceKind.Hc1,
    double ConfidenceLevel = 0.95,
    bool DropCollinear = false,
    double CollinearityTolerance = 1e-7,
    int InterceptColumn = -1)
{
    /// <summary>Refuses an out-of-range option, naming it and its valid range.</summary>
    public void Validate(int columns)
    {
        if (!(ConfidenceLevel > 0.0 && ConfidenceLevel < 1.0))
        {
            throw new InvalidSpecException($"ConfidenceLevel {ConfidenceLevel} must lie strictly between 0 and 1, e.g. 0.95.");
        }

        if (!(CollinearityTolerance > 0.0 && CollinearityTolerance < 1.0))
        {
            throw new InvalidSpecException($"CollinearityTolerance {CollinearityTolerance} must lie strictly between 0 and 1; R's lm uses 1e-7.");
        }

        if (InterceptColumn < -1 || InterceptColumn >= columns)
        {
            throw new InvalidSpecException($"InterceptColumn {InterceptColumn} must be −1 (none) or a column index below {columns}.");
        }
    }
}
