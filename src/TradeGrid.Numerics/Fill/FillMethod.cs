namespace TradeGrid.Numerics.Fill;

/// <summary>How a value of a <see cref="FilledSeries"/> came about.</summary>
public enum FillMethod
{
    /// <summary>In the input; untouched.</summary>
    Observed = 0,

    /// <summary>Missing in the input and left missing (beyond the ends without an extrapolation asked).</summary>
    NotFilled = 1,

    /// <summary>Between two known years, carried from the nearer one by the proxy's growth.</summary>
    ProxyChain = 2,

    /// <summary>Between two known years, by the proxy's growth with the discrepancy spread geometrically.</summary>
    ProxySpread = 3,

    /// <summary>Before the first or after the last known year, carried by the proxy's growth.</summary>
    ProxyExtrapolation = 4,

    /// <summary>Straight line between the two neighbouring known years.</summary>
    Linear = 5,

    /// <summary>Straight line in logarithms (constant growth) between the two neighbouring known years.</summary>
    LogLinear = 6,

    /// <summary>Before the first or after the last known year, at the compound rate of the two known years nearest that end.</summary>
    CagrExtrapolation = 7,
}
