namespace TradeGrid.Numerics.Fill;

/// <summary>What an interpolation does before the first and after the last known year.</summary>
public enum EndFill
{
    /// <summary>Nothing: those years stay missing.</summary>
    None = 0,

    /// <summary>The proxy's growth from the nearest known year: x_t = x_k · p_t / p_k.</summary>
    Proxy = 1,

    /// <summary>
    /// The compound rate of the two known years nearest that end: after the last known year b (previous known a),
    /// x_t = x_b · (x_b / x_a)^((t − b)/(b − a)); before the first, the same with the first two known years.
    /// </summary>
    LastCagr = 2,
}
