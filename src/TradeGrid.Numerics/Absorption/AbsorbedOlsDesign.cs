namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed OLS fit that depends on the rows, the effects and the sample options alone
/// (<see cref="AbsorbedOls.Prepare"/>): the rows kept after the singleton drops, y and every column with the effects
/// projected out, and the sums the fit statistics need. A fit that differs only in its covariance kind (with the same
/// clusters), its confidence level or its collinearity rule starts from it (<see cref="AbsorbedOls.Fit(AbsorbedOlsDesign, AbsorbedOptions)"/>)
/// instead of projecting again: the same numbers, since the projection is the same computation on the same input.
/// </summary>
public sealed class AbsorbedOlsDesign : AbsorbedDesign
{
    internal AbsorbedOlsDesign(
        AbsorbedSample sample, FilterCounts filtered, string[] names, string[] effectNames, bool intercept, double[] norms, double[][] demeaned,
        double[] demeanedY, int projection, AbsorbedOptions options)
        : base(sample, filtered, names, effectNames, options)
    {
        Intercept = intercept;
        Norms = norms;
        Demeaned = demeaned;
        DemeanedY = demeanedY;
        Projection = projection;
    }

    /// <summary>A constant column was added (no effects and the intercept option).</summary>
    internal bool Intercept { get; }

    /// <summary>Each column's scale before the projection, for the rank rule.</summary>
    internal double[] Norms { get; }

    internal double[][] Demeaned { get; }

    internal double[] DemeanedY { get; }

    /// <summary>The projections' CG iterations.</summary>
    internal int Projection { get; }

    public override AbsorbedFit Fit(AbsorbedOptions options) => AbsorbedOls.Fit(this, options);
}
