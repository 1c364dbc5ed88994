namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// One economy in one year of the pipeline: how its share is known, the share (fraction; NaN when not known), its
/// digital value share × trade with its standard error and the share's prediction bounds (estimated only), GDP and
/// trade (NaN when missing), the gradient of the value with respect to the coefficients and a new observation's
/// variance (estimated only, for the world's interval), the reported share set aside when hidden, and why it is
/// not predictable.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldRow")]
public sealed record WorldRow(
    [property: Id(0)] int Year,
    [property: Id(1)] Coverage Coverage,
    [property: Id(2)] double Share,
    [property: Id(3)] double Value,
    [property: Id(4)] double ValueSe,
    [property: Id(5)] double ShareLower,
    [property: Id(6)] double ShareUpper,
    [property: Id(7)] double Gdp,
    [property: Id(8)] double Trade,
    [property: Id(9)] double[]? Gradient,
    [property: Id(10)] double NewVariance,
    [property: Id(11)] double HiddenShare,
    [property: Id(12)] string Reason)
{
    /// <summary>The economy's reported share was set aside for this run.</summary>
    public bool Hidden() => !double.IsNaN(HiddenShare);
}
