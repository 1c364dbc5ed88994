namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// What an economy needs to turn its rows into a block of a fit absorbed in the grains: the fit's session, every
/// economy's code (reporters and partners: global ids of reporter, partner and pair groups), the years' span, the
/// sets of effects (one eliminated in the block), the clustering dimensions and the design's columns.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SweepSetup")]
public sealed record SweepSetup
{
    /// <summary>The fit's session: the block is kept under it until released.</summary>
    [Id(0)] public required string Session { get; init; }

    /// <summary>Every economy of the sample, sorted; an economy's code is its index.</summary>
    [Id(1)] public required string[] Economies { get; init; }

    [Id(2)] public required int FirstYear { get; init; }

    [Id(3)] public required int Years { get; init; }

    /// <summary>Sets of effects (reporter, partner, year, pair, sympair joined by ^).</summary>
    [Id(4)] public required string[] Sets { get; init; }

    /// <summary>The set eliminated in the block (local to it), −1 for none.</summary>
    [Id(5)] public required int Eliminated { get; init; }

    /// <summary>Clustering dimensions (none without a cluster covariance).</summary>
    [Id(6)] public required string[] Clusters { get; init; }

    /// <summary>The design's columns (products of the regressors).</summary>
    [Id(7)] public required TermSpec[] Terms { get; init; }

    /// <summary>A leading column of ones (no effects, with an intercept).</summary>
    [Id(8)] public required bool Intercept { get; init; }
}
