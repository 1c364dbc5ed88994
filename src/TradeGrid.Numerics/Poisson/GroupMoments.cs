namespace TradeGrid.Numerics.Poisson;

/// <summary>What the final round keeps from its first pass over <see cref="GroupedRows"/> for its second: μ per row and each entity's weight, weighted slope means and which slopes vary within it.</summary>
internal sealed class GroupMoments(int rows, int groups, int k)
{
    /// <summary>μ per grouped row.</summary>
    public double[] Mu { get; } = new double[rows];

    /// <summary>W_g = Σ μ over the entity's rows.</summary>
    public double[] Weight { get; } = new double[groups];

    /// <summary>Σ μx/W_g per entity and slope (groups × k).</summary>
    public double[] Mean { get; } = new double[groups * k];

    /// <summary>Whether the slope takes more than one value within the entity (one that does not is exactly zero after demeaning).</summary>
    public bool[] Varies { get; } = new bool[groups * k];
}
