using System.Globalization;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// One variable of a design: an indicator read from a side's series and transformed. For level, log and log1p the
/// value is taken at t − <see cref="Lag"/>; a difference is x_t − x_{t−Lag}.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.VariableSpec")]
public sealed record VariableSpec(
    [property: Id(0)] string Indicator,
    [property: Id(1)] TransformKind Transform,
    [property: Id(2)] int Lag,
    [property: Id(3)] SideKind Side)
{
    /// <summary>The coefficient's name, e.g. log(rgdpna), lag1(log(partner:gdp)), diff1(pop).</summary>
    public string Name
    {
        get
        {
            string code = Side switch
            {
                SideKind.Partner => "partner:" + Indicator,
                SideKind.Pair => "pair:" + Indicator,
                _ => Indicator,
            };
            string lag = Lag.ToString(CultureInfo.InvariantCulture);
            return Transform switch
            {
                TransformKind.Difference => $"diff{lag}({code})",
                _ => Lagged(Transform switch
                {
                    TransformKind.Log => $"log({code})",
                    TransformKind.Log1p => $"log1p({code})",
                    _ => code,
                }, lag),
            };
        }
    }

    private string Lagged(string inner, string lag) => Lag == 0 ? inner : $"lag{lag}({inner})";
}
