using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Forecasting: the grain that holds a series forecasts it with the Numerics (no algorithm here), caches the result by
/// (series version, spec), and on request stores the points as forecast values.
/// </summary>
public sealed partial class EconomyGrain : IEconomyForecastGrain
{
    /// <summary>Enough for every method × a few horizons of the series a grain usually holds; cleared when full.</summary>
    private const int ForecastCacheCapacity = 128;

    private readonly Dictionary<string, SeriesForecastRecord> _forecastCache = new(StringComparer.Ordinal);

    /// <summary>
    /// The component forecasts (ETS, ARIMA, Theta, DOTM, damped ETS, drift) behind the cached results, by the same key:
    /// combination, scum, trimmed, etsarima, etsarimadrift and auto combine them, so a series forecast with ets and
    /// arima is not refitted for auto (nor the other way round).
    /// </summary>
    private readonly Dictionary<string, ForecastResult> _componentCache = new(StringComparer.Ordinal);

    /// <summary>
    /// The exponential smoothing fits behind the cached results, by the components' key without the method (series,
    /// version, window, horizon, levels), shared by the methods that fit the same model: etsdamped's two models are
    /// among ets's six, and ses's fit is theta's. Keyed like the component cache, so a request with other levels or
    /// another horizon fits afresh, as it does for every other method.
    /// </summary>
    private readonly Dictionary<string, EtsFitCache> _etsFits = new(StringComparer.Ordinal);

    public async ValueTask<SeriesForecastRecord> Forecast(ForecastSpec spec, CancellationToken cancellationToken)
    {
        RequireRegistered();
        if (!State.Series.TryGetValue(SeriesRecord.Key(spec.Indicator, spec.Partner), out SeriesRecord? series))
        {
            throw new InsufficientDataException($"{ForecastInput.Name(Code, spec)} has no values; see GetEconomy for the series it holds.");
        }
        SeriesForecastRecord result = Compute(series, spec, cancellationToken);
        if (spec.Store)
        {
            result = result with { Stored = await StoreForecast(series, result, spec.WriteId, cancellationToken) };
        }
        return result;
    }

    public async ValueTask<EconomyForecastOutcome> ForecastOrSkip(ForecastSpec spec, CancellationToken cancellationToken)
    {
        RequireRegistered();
        if (!State.Series.TryGetValue(SeriesRecord.Key(spec.Indicator, spec.Partner), out SeriesRecord? series) || series.Years.Length == 0)
        {
            return new EconomyForecastOutcome(Code, null, "no values", HasData: false);
        }
        try
        {
            return new EconomyForecastOutcome(Code, await Forecast(spec, cancellationToken), string.Empty, HasData: true);
        }
        catch (InsufficientDataException ex)
        {
            return new EconomyForecastOutcome(Code, null, ex.Message, HasData: true);
        }
        catch (InvalidSpecException ex)
        {
            // The spec was validated at the gateway, so what is left is the data: gaps, or non-positive values for a log method.
            return new EconomyForecastOutcome(Code, null, ex.Message, HasData: true);
        }
    }

    private SeriesForecastRecord Compute(SeriesRecord series, ForecastSpec spec, CancellationToken cancellationToken)
    {
        string key = spec.CacheKey(series.Version);
        if (_forecastCache.TryGetValue(key, out SeriesForecastRecord? hit))
        {
            return hit with { Cached = true };
        }
        ForecastInput input = ForecastInput.From(Code, series, spec);
        cancellationToken.ThrowIfCancellationRequested();
        ForecastMethod method = Forecaster.Parse(spec.Method);
        SeriesForecastRecord result;
        // auto is the Numerics' default (an inverse-MSE weighted combination, chosen out of sample); a request that sets
        // a holdout horizon or origins asks for selection by rolling-origin holdout instead.
        if (method == ForecastMethod.Auto && (spec.HoldoutHorizon > 0 || spec.HoldoutOrigins > 0))
        {
            HoldoutSelection selection = HoldoutForecast.Select(input.Values, spec.Horizon, spec.Levels, spec.LogScale, spec.HoldoutHorizon > 0 ? spec.HoldoutHorizon : 3, spec.HoldoutOrigins > 0 ? spec.HoldoutOrigins : 3);
            result = SeriesForecastRecord.From(Code, spec, selection.Forecast, selection, input.FirstYear, input.LastYear, series.Version);
        }
        else if (method == ForecastMethod.Rolling && !spec.LogScale)
        {
            // Rolling-origin selection over the full horizon: the scores are reported, and the winner's final fit
            // comes from (and fills) the component cache like a combination's.
            HoldoutSelection selection = new RollingOriginForecaster().Select(
                input.Values, spec.Horizon, spec.Levels, c => Component(c, input, spec, series.Version));
            result = SeriesForecastRecord.From(Code, spec, selection.Forecast, selection, input.FirstYear, input.LastYear, series.Version);
        }
        else
        {
            ForecastResult forecast = Fit(input, spec, method, series.Version);
            result = SeriesForecastRecord.From(Code, spec, forecast, null, input.FirstYear, input.LastYear, series.Version);
        }
        if (_forecastCache.Count >= ForecastCacheCapacity)
        {
            _forecastCache.Clear();
        }
        if (_componentCache.Count >= ForecastCacheCapacity)
        {
            _componentCache.Clear();
        }
        if (_etsFits.Count >= ForecastCacheCapacity)
        {
            _etsFits.Clear();
        }
        _forecastCache[key] = result;
        return result;
    }

    /// <summary>
    /// One method's forecast. On the natural scale, a combination takes its components from
    /// <see cref="_componentCache"/> and a component method fills it; on the log scale (which transforms the
    /// combination, not each component) every call fits.
    /// </summary>
    private ForecastResult Fit(ForecastInput input, ForecastSpec spec, ForecastMethod method, long version)
    {
        if (spec.LogScale)
        {
            return Forecaster.Forecast(input.Values, method, spec.Horizon, spec.Levels, logScale: true);
        }
        IForecaster forecaster = Forecaster.Create(method);
        if (forecaster is CombinationForecaster combination)
        {
            return combination.Forecast(input.Values, spec.Horizon, spec.Levels, c => Component(c, input, spec, version));
        }
        if (forecaster is MedianCombinationForecaster median)
        {
            return median.Forecast(input.Values, spec.Horizon, spec.Levels, c => Component(c, input, spec, version));
        }
        return method is ForecastMethod.Ets or ForecastMethod.Arima or ForecastMethod.Theta or ForecastMethod.Dotm or ForecastMethod.EtsDamped
            ? Component(forecaster, input, spec, version)
            : Run(forecaster, input, spec, version);
    }

    private ForecastResult Component(IForecaster forecaster, ForecastInput input, ForecastSpec spec, long version)
    {
        string key = (spec with { Method = forecaster.Name, Store = false, HoldoutHorizon = 0, HoldoutOrigins = 0 }).CacheKey(version);
        if (!_componentCache.TryGetValue(key, out ForecastResult? forecast))
        {
            forecast = Run(forecaster, input, spec, version);
            _componentCache[key] = forecast;
        }
        return forecast;
    }

    /// <summary>Fits one method; the exponential smoothing methods share their model fits through <see cref="_etsFits"/>.</summary>
    private ForecastResult Run(IForecaster forecaster, ForecastInput input, ForecastSpec spec, long version)
    {
        if (forecaster is not (EtsForecaster or SesForecaster or ThetaForecaster))
        {
            return forecaster.Forecast(input.Values, spec.Horizon, spec.Levels);
        }
        string key = (spec with { Method = string.Empty, Store = false, HoldoutHorizon = 0, HoldoutOrigins = 0 }).CacheKey(version);
        if (!_etsFits.TryGetValue(key, out EtsFitCache? fits))
        {
            fits = new EtsFitCache(input.Values);
            _etsFits[key] = fits;
        }
        return forecaster switch
        {
            EtsForecaster ets => ets.Forecast(input.Values, spec.Horizon, spec.Levels, fits),
            SesForecaster ses => ses.Forecast(input.Values, spec.Horizon, spec.Levels, fits),
            ThetaForecaster theta => theta.Forecast(input.Values, spec.Horizon, spec.Levels, fits),
            _ => forecaster.Forecast(input.Values, spec.Horizon, spec.Levels),
        };
    }

    /// <summary>
    /// Writes the points for the years after the series' last observed (non-forecast) year, so reported, published,
    /// interpolated or estimated values are never overwritten; earlier stored forecasts for those years are replaced.
    /// The source names the method, model and origin year. With a write id the points are staged for that write.
    /// </summary>
    private async ValueTask<int> StoreForecast(SeriesRecord series, SeriesForecastRecord forecast, Guid writeId, CancellationToken cancellationToken)
    {
        int lastObserved = ForecastInput.LastObservedYear(series);
        string source = $"TradeGrid forecast: {forecast.Method}, {forecast.Model}, origin {forecast.OriginYear}";
        var rows = new List<ObservationRow>(forecast.Years.Length);
        for (int i = 0; i < forecast.Years.Length; i++)
        {
            if (forecast.Years[i] > lastObserved)
            {
                rows.Add(new ObservationRow(Code, series.Indicator, series.Partner, forecast.Years[i], forecast.Point[i], Provenance.Forecast, source, 0));
            }
        }
        if (rows.Count > 0)
        {
            await WriteOrStageAsync(writeId, ObservationBatch.From(rows), cancellationToken);
        }
        return rows.Count;
    }
}
