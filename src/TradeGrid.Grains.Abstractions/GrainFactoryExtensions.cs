namespace TradeGrid.Grains.Abstractions;

/// <summary>Names the grains the way every caller must: economy grains by normalized code, one catalogue.</summary>
public static class GrainFactoryExtensions
{
    public static IEconomyGrain Economy(this IGrainFactory factory, string code) => factory.GetGrain<IEconomyGrain>(code);

    public static ICatalogGrain Catalog(this IGrainFactory factory) => factory.GetGrain<ICatalogGrain>(ICatalogGrain.DefaultKey);
}
