using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Chooses among forecasting methods by rolling-origin evaluation on the series' own last years
/// (Tashman 2000; forecast::tsCV does the one-step version): with H the holdout horizon and K origins, origin k
/// trains on y[0 .. n − H − K + k) and forecasts H years, k = 1..K. A candidate that cannot be fitted at some
/// origin (too short) is reported with its failure and not chosen. The winner has the lowest mean sMAPE
/// (or MASE); ties keep the earlier candidate. It is then refitted on the whole series.
/// </summary>
public sealed class HoldoutSelector : IForecaster
{
    private readonly IForecaster[] _candidates;
    private readonly int _holdoutHorizon;
    private readonly int _origins;
    private readonly bool _useMase;

    /// <param name="candidates">Methods to compare; null gives naive, drift, ETS, ARIMA, Theta, the ETS-ARIMA-Theta
    /// combination and the ETS+ARIMA mean ("ets+arima", the auto default).</param>
    /// <param name="holdoutHorizon">Years forecast from each origin, 1..50.</param>
    /// <param name="origins">Number of rolling origins, at least 1.</param>
    /// <param name="criterion">"smape" (default) or "mase".</param>
    public HoldoutSelector(IReadOnlyList<IForecaster>? candidates = null, int holdoutHorizon = 3, int origins = 3, string criterion = "smape")
    {
        _candidates = candidates?.ToArray() ??
            [
                new NaiveForecaster(), new DriftForecaster(), new EtsForecaster(), new ArimaForecaster(), new ThetaForecaster(),
                new CombinationForecaster(), CombinationForecaster.EtsArima("ets+arima"),
            ];
        if (_candidates.Length == 0)
        {
            throw new InvalidSpecException("candidates must name at least one method.");
        }
        if (holdoutHorizon < 1 || holdoutHorizon > ForecastChecks.MaximumHorizon)
        {
            throw new InvalidSpecException($"holdoutHorizon must be in [1, {ForecastChecks.MaximumHorizon}]; got {holdoutHorizon}.");
        }
        if (origins < 1)
        {
            throw new InvalidSpecException($"origins must be at least 1; got {origins}.");
        }
        if (criterion is not ("smape" or "mase"))
        {
            throw new InvalidSpecException($"criterion must be \"smape\" or \"mase\"; got \"{criterion}\".");
        }
        _holdoutHorizon = holdoutHorizon;
        _origins = origins;
        _useMase = criterion == "mase";
    }

    public string Name => "holdout";

    /// <summary>The holdout window plus the least demanding candidate's minimum at the first origin.</summary>
    public int MinimumObservations => _candidates.Min(c => c.MinimumObservations) + _holdoutHorizon + _origins - 1;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        HoldoutSelection selection = Select(y, horizon, levels);
        return selection.Forecast with { Model = $"{selection.Forecast.Model} (chosen by holdout {(_useMase ? "MASE" : "sMAPE")})" };
    }

    public HoldoutSelection Select(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, $"holdout selection ({_origins} origins of {_holdoutHorizon} years)");
        HoldoutScore[] scores = _candidates.Select(c => Score(c, series)).ToArray();

        int best = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            double value = _useMase ? scores[i].Mase : scores[i].Smape;
            if (scores[i].Failure is null && !double.IsNaN(value) && (best < 0 || value < (_useMase ? scores[best].Mase : scores[best].Smape)))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            throw new InsufficientDataException(
                $"no candidate could be evaluated on {_origins} origins of {_holdoutHorizon} years with {series.Length} observations; use fewer origins, a shorter holdout or a longer series.");
        }
        ForecastResult forecast = _candidates[best].Forecast(series, horizon, levelArray);
        return new HoldoutSelection(_candidates[best].Name, _useMase ? "mase" : "smape", scores, forecast);
    }

    private HoldoutScore Score(IForecaster candidate, double[] y)
    {
        int n = y.Length;
        double smape = 0.0;
        double mase = 0.0;
        for (int k = 1; k <= _origins; k++)
        {
            int trainLength = n - _holdoutHorizon - _origins + k;
            double[] train = y[..trainLength];
            ForecastResult result;
            try
            {
                result = candidate.Forecast(train, _holdoutHorizon, ForecastChecks.DefaultLevels);
            }
            catch (TradeGridException ex)
            {
                return new HoldoutScore(candidate.Name, double.NaN, double.NaN, 0, $"origin {k} ({trainLength} observations): {ex.Message}");
            }
            (double originSmape, double originMase) = OriginErrors.Of(y, trainLength, result.Point, _holdoutHorizon);
            smape += originSmape;
            mase += originMase;
        }
        return new HoldoutScore(candidate.Name, smape / _origins, mase / _origins, _origins, null);
    }
}
