namespace TradeGrid.Numerics.Forecasting.Ets;

/// <summary>One non-seasonal ETS model: additive or multiplicative error, no/additive/damped trend.</summary>
internal readonly record struct EtsCandidate(bool MultiplicativeError, bool Trend, bool Damped)
{
    /// <summary>Alpha and l, plus beta and b with a trend, plus phi when damped: R's length(par).</summary>
    public int ParameterCount => 2 + (Trend ? 2 : 0) + (Damped ? 1 : 0);

    /// <summary>R's method string, e.g. "ETS(M,Ad,N)".</summary>
    public override string ToString() =>
        $"ETS({(MultiplicativeError ? 'M' : 'A')},{(Trend ? (Damped ? "Ad" : "A") : "N")},N)";
}
