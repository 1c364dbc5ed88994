namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>The forecasting face of an economy grain, named by the same normalized code.</summary>
public static class ForecastGrainFactoryExtensions
{
    public static IEconomyForecastGrain EconomyForecast(this IGrainFactory factory, string code) =>
        factory.GetGrain<IEconomyForecastGrain>(code);
}
