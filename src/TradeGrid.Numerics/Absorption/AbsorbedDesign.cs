namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The part of an absorbed fit that depends on the rows, the effects and the sample options alone
/// (<see cref="AbsorbedOlsDesign"/>, <see cref="AbsorbedPpmlDesign"/>): a fit that differs from the one that prepared it
/// only in what the design does not depend on starts from it, with the same numbers. Read-only once made, so fits on
/// several threads may share it.
/// </summary>
public abstract class AbsorbedDesign
{
    private protected AbsorbedDesign(AbsorbedSample sample, FilterCounts filtered, string[] names, string[] effectNames, AbsorbedOptions options)
    {
        Sample = sample;
        Filtered = filtered;
        Names = names;
        EffectNames = effectNames;
        Options = options;
    }

    /// <summary>The clustering dimensions the design's sample carries (a fit from it passes the same).</summary>
    public IReadOnlyList<EffectDimension>? Clusters => Options.Clusters;

    internal AbsorbedSample Sample { get; }

    /// <summary>The singletons dropped (counts and an example row).</summary>
    internal FilterCounts Filtered { get; }

    /// <summary>The coefficients' names, the intercept first when one was added.</summary>
    internal string[] Names { get; }

    internal string[] EffectNames { get; }

    /// <summary>The options the design was prepared with: a fit from it must agree on those that shape the design.</summary>
    internal AbsorbedOptions Options { get; }

    /// <summary>The fit from this design with <paramref name="options"/> (refused when they shape another design).</summary>
    public abstract AbsorbedFit Fit(AbsorbedOptions options);

    /// <summary>Whether a fit with <paramref name="options"/> may start from this design: same drops, intercept, projection rule and clusters.</summary>
    internal virtual bool Serves(AbsorbedOptions options) => options.ShapesTheSameDesign(Options);
}
