namespace TradeGrid.Numerics.Scenarios;

/// <summary>How a shock grows from its start year to its full year.</summary>
public enum PhaseIn
{
    /// <summary>The full change from the start year.</summary>
    Immediate,

    /// <summary>The weight w = (t − start + 1)/(full − start + 1) of an additive change (percent: 1 + w·p).</summary>
    Linear,

    /// <summary>The multiplicative change to the power w (percent: (1 + p)^w; target: x·(target/x)^w).</summary>
    Geometric,
}
