using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Abstractions.Economy;

namespace TradeGrid.Grains.Abstractions;

/// <summary>Names the grains the way every caller must: economy grains by normalized code, one catalogue.</summary>
public static class GrainFactoryExtensions
{
    public static IEconomyGrain Economy(this IGrainFactory factory, string code) => factory.GetGrain<IEconomyGrain>(code);

    /// <summary>The describe and fill part of the same economy grain as <see cref="Economy"/>.</summary>
    public static IEconomyDescribeGrain EconomyDescribe(this IGrainFactory factory, string code) => factory.GetGrain<IEconomyDescribeGrain>(code);

    public static ICatalogGrain Catalog(this IGrainFactory factory) => factory.GetGrain<ICatalogGrain>(ICatalogGrain.DefaultKey);
}
