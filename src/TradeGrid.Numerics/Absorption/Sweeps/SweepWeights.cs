namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>Row weights of a projection: none (OLS), PPML's μ, or the separation rectifier's (y &gt; 0 rows weigh 10¹⁰).</summary>
public enum SweepWeights
{
    None,
    Mu,
    Certificate,
}
