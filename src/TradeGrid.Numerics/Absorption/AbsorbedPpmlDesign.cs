namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed PPML fit that depends on the rows, the effects and the sample and iteration options alone
/// (<see cref="AbsorbedPpml.Prepare"/>): the rows kept after the drops and separation, the IRLS converged on them (μ,
/// the last step's solve and its demeaned columns, the scores) and the sums of the fit statistics. A fit that differs
/// only in its covariance kind (with the same clusters) or its confidence level starts from it
/// (<see cref="AbsorbedPpml.Fit(AbsorbedPpmlDesign, AbsorbedOptions)"/>) instead of iterating again: the same numbers,
/// since the IRLS is the same computation on the same input. Read-only once made, so fits on several threads may share it.
/// </summary>
public sealed class AbsorbedPpmlDesign : IAbsorbedDesign
{
    internal AbsorbedPpmlDesign(
        AbsorbedSample sample, string[] names, string[] effectNames, PoissonIrls irls, double[] sums, FilterCounts filtered, int separated,
        int separatedExample, string[] separationNotes, AbsorbedOptions options)
    {
        Sample = sample;
        Names = names;
        EffectNames = effectNames;
        Irls = irls;
        Sums = sums;
        Filtered = filtered;
        Separated = separated;
        SeparatedExample = separatedExample;
        SeparationNotes = separationNotes;
        Options = options;
    }

    public IReadOnlyList<EffectDimension>? Clusters => Options.Clusters;

    internal AbsorbedSample Sample { get; }

    /// <summary>The coefficients' names, the intercept first when one was added.</summary>
    internal string[] Names { get; }

    internal string[] EffectNames { get; }

    internal PoissonIrls Irls { get; }

    /// <summary>The log-likelihood and the moments of y and μ at convergence (<see cref="PoissonSums"/>).</summary>
    internal double[] Sums { get; }

    internal FilterCounts Filtered { get; }

    internal int Separated { get; }

    internal int SeparatedExample { get; }

    internal string[] SeparationNotes { get; }

    /// <summary>The options the design was prepared with: a fit from it must agree on those that shape the design.</summary>
    internal AbsorbedOptions Options { get; }

    /// <summary>
    /// Whether a fit with <paramref name="options"/> may start from this design: as for OLS, and also the same
    /// collinearity rule and tolerances (the IRLS's solves drop or refuse by them) and Poisson tolerance.
    /// </summary>
    internal bool Serves(AbsorbedOptions options) =>
        options.ShapesTheSameDesign(Options) && options.DropCollinear == Options.DropCollinear
        && options.CollinearityTolerance == Options.CollinearityTolerance && options.PoissonTolerance == Options.PoissonTolerance;

    public AbsorbedFit Fit(AbsorbedOptions options) => AbsorbedPpml.Fit(this, options);
}
