namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed fit that depends on the rows, the effects and the sample options alone
/// (<see cref="AbsorbedOlsDesign"/>, <see cref="AbsorbedPpmlDesign"/>): a fit that differs from the one that prepared it
/// only in what the design does not depend on starts from it, with the same numbers.
/// </summary>
public interface IAbsorbedDesign
{
    /// <summary>The clustering dimensions the design's sample carries (a fit from it passes the same).</summary>
    IReadOnlyList<EffectDimension>? Clusters { get; }

    /// <summary>The fit from this design with <paramref name="options"/> (refused when they shape another design).</summary>
    AbsorbedFit Fit(AbsorbedOptions options);
}
