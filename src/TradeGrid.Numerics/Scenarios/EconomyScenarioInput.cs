namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// What one economy's projection needs: the projected years, each driver's baseline level per year
/// (<see cref="Baseline"/>[driver][h]), the shocks, the economy's own fixed effect on the link scale (0 for pooled
/// models), each driver's forecast error model (null: no uncertainty, e.g. a given path or a constant) and the
/// economy's key of its random streams.
/// </summary>
public sealed record EconomyScenarioInput(
    int[] Years,
    double[][] Baseline,
    ShockPlan[] Shocks,
    double Effect,
    DriverErrorModel?[] Errors,
    ulong Key)
{
    public int Horizon => Years.Length;

    /// <summary>The scenario's level of driver j in year h when its unshocked level is x: the economy's active shocks on it, in order.</summary>
    public double Shocked(int j, int h, double x)
    {
        foreach (ShockPlan s in Shocks)
        {
            if (s.Driver == j && s.Active[h])
            {
                x = s.Shock.Apply(Years[h], x);
            }
        }

        return x;
    }
}
