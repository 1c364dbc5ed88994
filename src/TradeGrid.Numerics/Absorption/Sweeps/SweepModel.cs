namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// What <see cref="SweepFit"/> fits: the blocks' regressor names (a leading "(Intercept)" when the blocks carry a
/// column of ones), the sets of effects, the one eliminated in the blocks (−1: none), the clustering dimensions and the
/// options of the central fit (<see cref="AbsorbedOptions.Clusters"/> is not read: the blocks hold the cluster ids).
/// </summary>
public sealed record SweepModel(string[] Names, string[] EffectNames, int Eliminated, string[] ClusterNames, AbsorbedOptions Options)
{
    /// <summary>A column of ones among the regressors (no effects): R² is then centred.</summary>
    public bool Intercept => Names.Length > 0 && Names[0] == "(Intercept)";

    /// <summary>The sets the coordinator's CG solves for.</summary>
    public int[] Solved => Enumerable.Range(0, EffectNames.Length).Where(q => q != Eliminated).ToArray();
}
