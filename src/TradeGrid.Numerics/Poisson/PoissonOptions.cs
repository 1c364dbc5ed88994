using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>How to fit a PPML model: covariance, CI level, collinearity rule, and the IRLS stopping rule.</summary>
/// <param name="Covariance">Classical is the Poisson model-based (X'WX)⁻¹; robust kinds follow the table.</param>
/// <param name="ConfidenceLevel">Level of the confidence intervals, in (0, 1).</param>
/// <param name="DropCollinear">Drop collinear columns and report them, instead of refusing.</param>
/// <param name="CollinearityTolerance">As for OLS, on the weighted design of each iteration (R's glm.fit: 1e-7 via qr()).</param>
/// <param name="Tolerance">Converged when |Δdeviance|/(|deviance| + 0.1) falls below this (glm.control's rule; its default is 1e-8).</param>
/// <param name="MaxIterations">Refuse after this many IRLS iterations.</param>
public sealed record PoissonOptions(
    CovarianceKind Covariance = CovarianceKind.ClusterCr0,
    double ConfidenceLevel = 0.95,
    bool DropCollinear = false,
    double CollinearityTolerance = 1e-7,
    double Tolerance = 1e-10,
    int MaxIterations = 100)
{
    /// <summary>Refuses an out-of-range option, naming it and its valid range.</summary>
    public void Validate()
    {
        new OlsOptions(Covariance, ConfidenceLevel, DropCollinear, CollinearityTolerance).Validate(0);
        if (!(Tolerance > 0.0 && Tolerance < 1e-2))
        {
            throw new InvalidSpecException($"Tolerance {Tolerance} must lie in (0, 0.01); glm uses 1e-8.");
        }

        if (MaxIterations < 1 || MaxIterations > 10_000)
        {
            throw new InvalidSpecException($"MaxIterations {MaxIterations} must lie in [1, 10000].");
        }
    }

    internal OlsOptions Linear => new(Covariance, ConfidenceLevel, DropCollinear, CollinearityTolerance);
}
