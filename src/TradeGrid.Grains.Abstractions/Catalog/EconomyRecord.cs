using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Catalog;

/// <summary>An economy's identity as it crosses grain calls (see <see cref="EconomyInfo"/>).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.EconomyRecord")]
public sealed record EconomyRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] string IncomeGroup,
    [property: Id(4)] bool IsAggregate,
    [property: Id(5)] string Iso2)
{
    public static EconomyRecord From(EconomyInfo info) =>
        new(info.Code, info.Name, info.Region, info.IncomeGroup, info.IsAggregate, info.Iso2);

    /// <summary>An economy created by an import that asked for it: its code is all that is known.</summary>
    public static EconomyRecord Bare(string code) => new(code, code, string.Empty, string.Empty, false, string.Empty);
}
