namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed PPML fit that depends on the rows, the effects and the sample and iteration options alone
/// (<see cref="AbsorbedPpml.Prepare"/>): the rows kept after the drops and separation, the IRLS converged on them (μ,
/// the last step's solve and its demeaned columns, the scores) and the sums of the fit statistics. A fit that differs
/// only in its covariance kind (with the same clusters) or its confidence level starts from it
/// (<see cref="AbsorbedPpml.Fit(AbsorbedPpmlDesign, AbsorbedOptions)"/>) instead of iterating again: the same numbers,
/// since the IRLS is the same computation on the same input.
/// </summary>
public sealed class AbsorbedPpmlDesign : AbsorbedDesign
{
    internal AbsorbedPpmlDesign(
        AbsorbedSample sample, string[] names, string[] effectNames, PoissonIrls irls, double[] sums, FilterCounts filtered, int separated,
        int separatedExample, string[] separationNotes, AbsorbedOptions options)
        : base(sample, filtered, names, effectNames, options)
    {
        Irls = irls;
        Sums = sums;
        Separated = separated;
        SeparatedExample = separatedExample;
        SeparationNotes = separationNotes;
    }

    internal PoissonIrls Irls { get; }

    /// <summary>The log-likelihood and the moments of y and μ at convergence (<see cref="PoissonSums"/>).</summary>
    internal double[] Sums { get; }

    internal int Separated { get; }

    internal int SeparatedExample { get; }

    internal string[] SeparationNotes { get; }

    /// <summary>
    /// Whether a fit with <paramref name="options"/> may start from this design: as for OLS, and also the same
    /// collinearity rule and tolerances (the IRLS's solves drop or refuse by them) and Poisson tolerance.
    /// </summary>
    internal override bool Serves(AbsorbedOptions options) =>
        base.Serves(options) && options.DropCollinear == Options.DropCollinear
        && options.CollinearityTolerance == Options.CollinearityTolerance && options.PoissonTolerance == Options.PoissonTolerance;

    public override AbsorbedFit Fit(AbsorbedOptions options) => AbsorbedPpml.Fit(this, options);
}
