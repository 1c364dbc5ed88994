namespace TradeGrid.Numerics.Fill;

/// <summary>How a proxy fill treats a gap that has a known target value on both sides.</summary>
public enum BetweenKnown
{
    /// <summary>
    /// From the nearer known year k only: x_t = x_k · p_t / p_k (ties go to the earlier year). The other known value
    /// is ignored, so the filled path can jump where the chains from the two sides meet.
    /// </summary>
    Chain = 0,

    /// <summary>
    /// Both known values a &lt; b hold: x_t = x_a · (p_t / p_a) · r^((t − a)/(b − a)), r = (x_b / x_a) / (p_b / p_a).
    /// The target grows each year at the proxy's rate times the constant factor r^(1/(b − a)).
    /// </summary>
    Spread = 1,
}
