using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Catalog;

/// <summary>An indicator's description as it crosses grain calls (see <see cref="IndicatorInfo"/>).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.IndicatorRecord")]
public sealed record IndicatorRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Source,
    [property: Id(4)] string Description)
{
    public static IndicatorRecord From(IndicatorInfo info) => new(info.Code, info.Name, info.Unit, info.Source, info.Description);
}
