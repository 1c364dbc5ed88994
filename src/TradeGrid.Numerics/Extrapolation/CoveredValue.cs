namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// One covered economy in one year: its value (reported, or estimated with the gradient of the estimate with respect
/// to the model's coefficients and the variance of a new observation around it) and its GDP and trade.
/// </summary>
public sealed record CoveredValue(string Economy, double Value, double Gdp, double Trade, double[]? Gradient = null, double NewVariance = 0.0)
{
    public bool Estimated => Gradient is not null;
}
