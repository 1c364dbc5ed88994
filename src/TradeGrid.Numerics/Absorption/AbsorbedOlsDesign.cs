namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed OLS fit that depends on the rows, the effects and the sample options alone
/// (<see cref="AbsorbedOls.Prepare"/>): the rows kept after the singleton drops, y and every column with the effects
/// projected out, and the sums the fit statistics need. A fit that differs only in its covariance kind (with the same
/// clusters), its confidence level or its collinearity rule starts from it (<see cref="AbsorbedOls.Fit(AbsorbedOlsDesign, AbsorbedOptions)"/>)
/// instead of projecting again: the same numbers, since the projection is the same computation on the same input.
/// Read-only once made, so fits on several threads may share it.
/// </summary>
public sealed class AbsorbedOlsDesign : IAbsorbedDesign
{
    internal AbsorbedOlsDesign(
        AbsorbedSample sample, FilterCounts filtered, string[] names, string[] effectNames, bool intercept, double[] norms, double[][] demeaned,
        double[] demeanedY, int projection, AbsorbedOptions options)
    {
        Sample = sample;
        Filtered = filtered;
        Names = names;
        EffectNames = effectNames;
        Intercept = intercept;
        Norms = norms;
        Demeaned = demeaned;
        DemeanedY = demeanedY;
        Projection = projection;
        Options = options;
    }

    /// <summary>The clustering dimensions the design's sample carries (a fit from it passes the same).</summary>
    public IReadOnlyList<EffectDimension>? Clusters => Options.Clusters;

    internal AbsorbedSample Sample { get; }

    internal FilterCounts Filtered { get; }

    /// <summary>The coefficients' names, the intercept first when one was added.</summary>
    internal string[] Names { get; }

    internal string[] EffectNames { get; }

    /// <summary>A constant column was added (no effects and the intercept option).</summary>
    internal bool Intercept { get; }

    /// <summary>Each column's scale before the projection, for the rank rule.</summary>
    internal double[] Norms { get; }

    internal double[][] Demeaned { get; }

    internal double[] DemeanedY { get; }

    /// <summary>The projections' CG iterations.</summary>
    internal int Projection { get; }

    /// <summary>The options the design was prepared with: a fit from it must agree on those that shape the design.</summary>
    internal AbsorbedOptions Options { get; }

    /// <summary>Whether a fit with <paramref name="options"/> may start from this design: same drops, intercept, projection rule and clusters.</summary>
    internal bool Serves(AbsorbedOptions options) => options.ShapesTheSameDesign(Options);

    public AbsorbedFit Fit(AbsorbedOptions options) => AbsorbedOls.Fit(this, options);
}
