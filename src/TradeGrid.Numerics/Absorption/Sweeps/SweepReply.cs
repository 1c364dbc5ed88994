using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// An economy's answer to a <see cref="SweepCommand"/>: per-set arrays over the block's own groups, vectors as
/// [column][solved set][group], and the scalars the operation names. Fields an operation does not write are null.
/// </summary>
public sealed record SweepReply
{
    /// <summary>Rows kept.</summary>
    public int Rows { get; init; }

    /// <summary>Compact: each set's groups in the block, by global id (sets spanning economies) or numbered 0…g−1 (sets local to it).</summary>
    public long[][]? Groups { get; init; }

    /// <summary>Filter and Compact: each set's kept rows per group; Start: each solved set's share of the diagonal of D'WMD per group.</summary>
    public double[][]? Counts { get; init; }

    /// <summary>Filter and Compact: each set's kept rows with y &gt; 0 per group; Start: each solved set's total weight per group.</summary>
    public double[][]? Positives { get; init; }

    /// <summary>Start: per solved set and group, 1 when it shares an eliminated group with another group, else 0.</summary>
    public double[][]? Shared { get; init; }

    /// <summary>Start: D'WM of each column; Product: D'WMD p.</summary>
    public double[][][]? Vectors { get; init; }

    /// <summary>
    /// Start: ‖M(column)‖²_W per column. Finish: per regressor (Σw, weighted mean, Σw(x − mean)²). Residuals: OLS
    /// (Σe², Σy, Σ(y − ȳ_b)², ‖ỹ‖², n) or PPML (deviance) or certificate (lowest fit, highest fit on y = 0).
    /// Scores (HC): the whitened meat. Summary: PPML (log-likelihood, Σy, Σμ, Σy², Σμ², Σyμ, n).
    /// </summary>
    public double[]? Scalars { get; init; }

    /// <summary>Finish: the QR part of [√w·X̃ √w·ṽ].</summary>
    public QrPart? Part { get; init; }

    /// <summary>Filter: singletons dropped; DropSeparated: rows dropped.</summary>
    public int Dropped { get; init; }

    /// <summary>Filter: rows of all-zero groups dropped.</summary>
    public int DroppedZero { get; init; }

    /// <summary>Where the first row dropped as a singleton (or separated) was.</summary>
    public string Example { get; init; } = string.Empty;

    /// <summary>Where the first row of an all-zero group was.</summary>
    public string ExampleZero { get; init; } = string.Empty;

    /// <summary>Scores by cluster: the first and second clustering dimension's ids of each group summed (second: 0 for one dimension).</summary>
    public long[]? Keys { get; init; }

    /// <summary>Scores by cluster: Σ x̃·e per group (groups × kept, row-major).</summary>
    public double[]? Sums { get; init; }

    /// <summary>Nesting: per effect set and clustering dimension (set × dimensions + dimension): each group's cluster id, −2 when its rows lie in several.</summary>
    public long[][]? Owners { get; init; }
}
