namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// One request to an economy's <see cref="SweepBlock"/> (<see cref="SweepBlock.Execute"/>). Per-set arrays run over
/// the block's own groups of that set (in the order of its <see cref="SweepReply.Groups"/>); vectors are
/// [column][solved set][coordinator's group], whole (every block reads its groups' entries through the
/// <see cref="Slots"/> it was sent), so one object serves every block of a gather. Fields an operation does not read are null.
/// </summary>
public sealed record SweepCommand(SweepOp Op)
{
    /// <summary>Filter: each set's kept rows per group over every economy (null in the first round: the block counts).</summary>
    public double[][]? Counts { get; init; }

    /// <summary>Filter: each set's kept rows with y &gt; 0 per group over every economy.</summary>
    public double[][]? Positives { get; init; }

    /// <summary>Filter: drop singletons.</summary>
    public bool Singletons { get; init; }

    /// <summary>Filter: drop rows of groups whose dependent is all zero (PPML).</summary>
    public bool AllZero { get; init; }

    /// <summary>Start: the last column projected.</summary>
    public SweepTarget Target { get; init; }

    /// <summary>Start: project the regressors too (else the target alone).</summary>
    public bool Regressors { get; init; }

    /// <summary>Start: the row weights.</summary>
    public SweepWeights Weights { get; init; }

    /// <summary>Layout: per set, each of the block's groups' index in the coordinator's vectors.</summary>
    public int[][]? Slots { get; init; }

    /// <summary>Start: effects taken out before the CG (a warm start; null: none). Product: directions. Finish: the solution.</summary>
    public double[][][]? Vectors { get; init; }

    /// <summary>Residuals and Scores: one coefficient per regressor (zero for a dropped one).</summary>
    public double[]? Beta { get; init; }

    /// <summary>Scores: R of the kept columns (r×r, row-major) for whitening.</summary>
    public double[]? Factor { get; init; }

    /// <summary>Scores: the kept regressors.</summary>
    public int[]? Kept { get; init; }

    /// <summary>Accept, first call of a PPML fit: the mean of y over every economy (μ starts at (y + mean)/2).</summary>
    public double? Mean { get; init; }

    /// <summary>Scores: HC (every row its own group) when −1; else the clustering dimension (0, 1, or 2 for their intersection).</summary>
    public int Cluster { get; init; }
}
