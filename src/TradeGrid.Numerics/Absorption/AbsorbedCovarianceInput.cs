using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>What <see cref="AbsorbedCovariance"/> needs: the kept demeaned columns, the score multiplier per row
/// (OLS: the residual; PPML: y − μ), R of √w·X̃, the effects (for nesting and K) and the clusters on the used rows.</summary>
internal sealed record AbsorbedCovarianceInput(
    double[][] Columns,
    int[] Kept,
    double[] Residual,
    double[] Factor,
    double Sigma2,
    CovarianceKind Kind,
    IReadOnlyList<EffectDimension> Clusters,
    int[][] EffectIds,
    int[] EffectGroups,
    string[] EffectNames);
