namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>The components' forecasts a combination merges: each fitted here, or taken from a caller that already holds it.</summary>
internal static class ComponentForecasts
{
    /// <param name="components">The combination's methods.</param>
    /// <param name="series">The checked series.</param>
    /// <param name="horizon">Steps ahead.</param>
    /// <param name="levels">Interval levels in percent.</param>
    /// <param name="component">Returns a component's forecast of the same series, horizon and levels; null fits every component.</param>
    public static ForecastResult[] Collect(IForecaster[] components, double[] series, int horizon, double[] levels, Func<IForecaster, ForecastResult>? component)
    {
        var parts = new ForecastResult[components.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = component is null ? components[i].Forecast(series, horizon, levels) : component(components[i]);
            if (parts[i].Point.Length != horizon || parts[i].Levels.Length != levels.Length)
            {
                throw new ArgumentException($"the {components[i].Name} forecast supplied has another horizon or other levels.", nameof(component));
            }
        }

        return parts;
    }
}
