namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>The last column a projection demeans, after the regressors: y (OLS), PPML's working variable z, or the separation certificate u.</summary>
public enum SweepTarget
{
    Dependent,
    Working,
    Certificate,
}
