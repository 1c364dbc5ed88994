using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// How to fit a model with absorbed fixed effects (<see cref="AbsorbedOls"/>, <see cref="AbsorbedPpml"/>).
/// </summary>
/// <param name="Covariance">Classical (fixest "iid"), HC1 (fixest "hetero"), ClusterCr1 (fixest's default ssc: G/(G−1)·(N−1)/(N−K),
/// K without the effects nested in a cluster) or ClusterCr0 (G/(G−1) only: Stata's ppml and ppmlhdfe, fixest ssc(adj = FALSE)).</param>
/// <param name="Clusters">One or two clustering dimensions for the cluster kinds (two: Cameron–Gelbach–Miller).</param>
/// <param name="ConfidenceLevel">Level of the confidence intervals, in (0, 1).</param>
/// <param name="DropCollinear">Drop regressors collinear with the effects or earlier regressors and name them, instead of refusing.</param>
/// <param name="DropSingletons">Drop rows alone in a group of any set of effects, iteratively (reghdfe, ppmlhdfe).</param>
/// <param name="Intercept">Without effects: add a constant column. Ignored with effects (they absorb it).</param>
/// <param name="Tolerance">The projections' convergence tolerance (<see cref="EffectProjector"/>).</param>
/// <param name="MaxIterations">Cap of the projections' CG iterations.</param>
/// <param name="PoissonTolerance">PPML stops one iteration after |Δdeviance|/(0.1 + |deviance|) falls below this (glm's rule).</param>
/// <param name="CollinearityTolerance">A regressor is collinear when the sine of its angle to the effects and the earlier kept regressors is at most this.</param>
public sealed record AbsorbedOptions(
    CovarianceKind Covariance = CovarianceKind.ClusterCr1,
    IReadOnlyList<EffectDimension>? Clusters = null,
    double ConfidenceLevel = 0.95,
    bool DropCollinear = true,
    bool DropSingletons = true,
    bool Intercept = true,
    double Tolerance = 1e-13,
    int MaxIterations = 20_000,
    double PoissonTolerance = 1e-12,
    double CollinearityTolerance = 1e-7)
{
    /// <summary>Refuses an out-of-range option, naming it and its valid range.</summary>
    public void Validate(int rows)
    {
        ValidateChoices(Clusters?.Count ?? 0);

        foreach (EffectDimension c in Clusters ?? [])
        {
            if (c.Ids.Length != rows)
            {
                throw new ArgumentException($"Cluster {c.Name} has {c.Ids.Length} ids for {rows} rows.", nameof(Clusters));
            }
        }
    }

    /// <summary>
    /// The checks that need no rows: the level, and one or two clustering dimensions for a cluster covariance
    /// (<paramref name="clusterDimensions"/>: how many the fit has, wherever their ids are held).
    /// </summary>
    public void ValidateChoices(int clusterDimensions)
    {
        if (!(ConfidenceLevel > 0.0 && ConfidenceLevel < 1.0))
        {
            throw new InvalidSpecException($"ConfidenceLevel {ConfidenceLevel} must lie strictly between 0 and 1, e.g. 0.95.");
        }

        bool cluster = Covariance is CovarianceKind.ClusterCr0 or CovarianceKind.ClusterCr1;
        if (cluster && clusterDimensions is < 1 or > 2)
        {
            throw new InvalidSpecException("A cluster covariance needs one or two clustering dimensions (e.g. pair, or reporter and partner).");
        }
    }

    /// <summary>
    /// For a fit from a prepared design: refuses these options when the design does not serve them
    /// (<paramref name="served"/>; ArgumentException naming <paramref name="agreeOn"/>), then checks the choices.
    /// </summary>
    internal void ValidateFor(bool served, string agreeOn)
    {
        if (!served)
        {
            throw new ArgumentException($"The design was prepared with other {agreeOn}; prepare it with these options.", nameof(served));
        }

        ValidateChoices(Clusters?.Count ?? 0);
    }

    /// <summary>
    /// Whether a design prepared with <paramref name="prepared"/> serves a fit with these options: the same drops,
    /// intercept, projection rule and clusters (the covariance kind, level and collinearity rule may differ).
    /// </summary>
    internal bool ShapesTheSameDesign(AbsorbedOptions prepared) =>
        DropSingletons == prepared.DropSingletons && Intercept == prepared.Intercept && Tolerance == prepared.Tolerance
        && MaxIterations == prepared.MaxIterations
        && (Clusters ?? []).Select(c => c.Name).SequenceEqual((prepared.Clusters ?? []).Select(c => c.Name))
        && (Clusters ?? []).Zip(prepared.Clusters ?? [], (a, b) => ReferenceEquals(a.Ids, b.Ids) || a.Ids.AsSpan().SequenceEqual(b.Ids)).All(same => same);
}
