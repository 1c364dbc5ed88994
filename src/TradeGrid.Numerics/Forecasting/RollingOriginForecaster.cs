using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Selection between combinations and single models by rolling-origin validation over the full horizon (the
/// "rolling" method; Tashman 2000, and forecast::tsCV with h steps): with h the requested horizon and K origins,
/// origin k = 1..K fits each candidate to y[0 .. n − h − K + k) and forecasts h years, so every origin is scored on
/// as many years ahead as the real forecast will go. The winner has the lowest mean sMAPE (or MASE) over the
/// origins, ties keeping the earlier candidate, and is refitted on the whole series; its intervals are the
/// winner's own. Only the training data are used.
/// <para>
/// Every candidate is scored on the same origins: K = min(origins, n − h − m + 1) with m the largest candidate
/// minimum (7 for the defaults), so a short series is scored on fewer origins. When not even one origin is left
/// (n &lt; h + m) no full-horizon validation is possible, and the method returns the last candidate's forecast
/// (with the defaults etsarimadrift, the service's default when this method was built) and says so in the model text. At each origin the
/// single models are fitted once and the combinations average those fits, as the economy grain does.
/// </para>
/// </summary>
public sealed class RollingOriginForecaster : IForecaster
{
    private readonly IForecaster[] _candidates;
    private readonly int _origins;
    private readonly bool _useMase;
    private readonly string _name;

    /// <param name="candidates">Methods to compare, the fallback last; null gives naive, drift, ETS, ARIMA, Theta, the
    /// ETS-ARIMA-Theta combination and the ETS-ARIMA-drift mean (etsarimadrift, the service's default).</param>
    /// <param name="origins">Largest number of rolling origins, at least 1.</param>
    /// <param name="criterion">"smape" (default) or "mase".</param>
    /// <param name="name">Method name reported in results.</param>
    public RollingOriginForecaster(IReadOnlyList<IForecaster>? candidates = null, int origins = 3, string criterion = "smape", string name = "rolling")
    {
        _candidates = candidates?.ToArray() ??
            [
                new NaiveForecaster(), new DriftForecaster(), new EtsForecaster(), new ArimaForecaster(), new ThetaForecaster(),
                new CombinationForecaster(), CombinationForecaster.EtsArimaDrift(),
            ];
        if (_candidates.Length == 0)
        {
            throw new InvalidSpecException("candidates must name at least one method.");
        }
        if (origins < 1)
        {
            throw new InvalidSpecException($"origins must be at least 1; got {origins}.");
        }
        if (criterion is not ("smape" or "mase"))
        {
            throw new InvalidSpecException($"criterion must be \"smape\" or \"mase\"; got \"{criterion}\".");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _origins = origins;
        _useMase = criterion == "mase";
        _name = name;
    }

    public string Name => _name;

    /// <summary>The fallback's (last candidate's) minimum: below it nothing can be forecast.</summary>
    public int MinimumObservations => _candidates[^1].MinimumObservations;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels) =>
        Select(y, horizon, levels, null).Forecast;

    /// <summary>Scores the candidates and forecasts with the winner.</summary>
    /// <param name="y">The series, oldest first, complete.</param>
    /// <param name="horizon">Steps ahead, 1..50; also the years scored at each origin.</param>
    /// <param name="levels">Interval levels in percent.</param>
    /// <param name="component">
    /// For the final fit on the whole series only: given a candidate or a combination's component, returns what its
    /// Forecast(y, horizon, levels) returns (a grain passes its cache); null fits.
    /// </param>
    public HoldoutSelection Select(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels, Func<IForecaster, ForecastResult>? component)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, _name);
        int n = series.Length;
        int origins = Math.Min(_origins, n - horizon - _candidates.Max(c => c.MinimumObservations) + 1);
        string criterion = _useMase ? "mase" : "smape";
        if (origins < 1)
        {
            IForecaster fallback = _candidates[^1];
            ForecastResult fallbackForecast = Final(fallback, series, horizon, levelArray, component);
            HoldoutScore[] none = _candidates
                .Select(c => new HoldoutScore(c.Name, double.NaN, double.NaN, 0, $"{n} observations leave no origin with {horizon} years to score"))
                .ToArray();
            return new HoldoutSelection(fallback.Name, criterion, none, fallbackForecast with
            {
                Method = _name,
                Model = $"{fallbackForecast.Model} (too short for a {horizon}-year rolling origin: {fallback.Name} without selection)",
            });
        }

        var smape = new double[_candidates.Length];
        var mase = new double[_candidates.Length];
        var failure = new string?[_candidates.Length];
        for (int k = 1; k <= origins; k++)
        {
            int trainLength = n - horizon - origins + k;
            double[] train = series[..trainLength];
            var fits = new Dictionary<string, ForecastResult?>(StringComparer.Ordinal);
            for (int i = 0; i < _candidates.Length; i++)
            {
                if (failure[i] is not null)
                {
                    continue;
                }
                try
                {
                    ForecastResult result = Fit(_candidates[i], train, horizon, fits);
                    (double s, double m) = OriginErrors.Of(series, trainLength, result.Point, horizon);
                    smape[i] += s / origins;
                    mase[i] += m / origins;
                }
                catch (TradeGridException ex)
                {
                    failure[i] = $"origin {k} ({trainLength} observations): {ex.Message}";
                }
            }
        }

        var scores = new HoldoutScore[_candidates.Length];
        int best = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = failure[i] is null
                ? new HoldoutScore(_candidates[i].Name, smape[i], mase[i], origins, null)
                : new HoldoutScore(_candidates[i].Name, double.NaN, double.NaN, 0, failure[i]);
            double value = _useMase ? mase[i] : smape[i];
            if (failure[i] is null && !double.IsNaN(value) && (best < 0 || value < (_useMase ? mase[best] : smape[best])))
            {
                best = i;
            }
        }
        // Every candidate failed or scored NaN: the fallback, as for a series too short to score.
        IForecaster winner = best < 0 ? _candidates[^1] : _candidates[best];
        ForecastResult forecast = Final(winner, series, horizon, levelArray, component);
        string how = best < 0
            ? "no candidate could be scored: the last candidate without selection"
            : $"chosen by rolling-origin {(_useMase ? "MASE" : "sMAPE")} over {horizon} years, {origins} origin{(origins == 1 ? "" : "s")}";
        return new HoldoutSelection(winner.Name, criterion, scores, forecast with { Method = _name, Model = $"{forecast.Model} ({how})" });
    }

    /// <summary>One candidate at one origin; single models come from (and go into) the origin's fits, combinations average them.</summary>
    private static ForecastResult Fit(IForecaster candidate, double[] train, int horizon, Dictionary<string, ForecastResult?> fits)
    {
        ForecastResult Single(IForecaster forecaster)
        {
            if (!fits.TryGetValue(forecaster.Name, out ForecastResult? result))
            {
                try
                {
                    result = forecaster.Forecast(train, horizon, ForecastChecks.DefaultLevels);
                }
                catch (TradeGridException)
                {
                    // Remembered as failed so that the next combination does not fit it again; rethrown below.
                    fits[forecaster.Name] = null;
                    throw;
                }
                fits[forecaster.Name] = result;
            }
            return result ?? throw new InsufficientDataException($"{forecaster.Name} could not be fitted to {train.Length} observations.");
        }
        return candidate switch
        {
            CombinationForecaster mean => mean.Forecast(train, horizon, ForecastChecks.DefaultLevels, Single),
            MedianCombinationForecaster median => median.Forecast(train, horizon, ForecastChecks.DefaultLevels, Single),
            _ => Single(candidate),
        };
    }

    private static ForecastResult Final(IForecaster winner, double[] series, int horizon, double[] levels, Func<IForecaster, ForecastResult>? component)
    {
        if (component is null)
        {
            return winner.Forecast(series, horizon, levels);
        }
        return winner switch
        {
            CombinationForecaster mean => mean.Forecast(series, horizon, levels, component),
            MedianCombinationForecaster median => median.Forecast(series, horizon, levels, component),
            _ => component(winner),
        };
    }
}
