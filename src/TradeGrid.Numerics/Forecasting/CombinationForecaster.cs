using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Equal-weight combination, by default of the automatic ETS, ARIMA and Theta forecasts (the "ETS-ARIMA-Theta"
/// benchmark of the M4 competition; forecastHybrid and fable combine the same way). Point forecast: the mean of
/// the components, or with <c>trim</c> = k the mean of what is left after the k lowest and k highest component
/// forecasts are dropped at each horizon (a trimmed mean; Jose and Winkler 2008, "Simple robust averages of
/// forecasts", IJF 24(1)). Intervals: at each level the (trimmed) mean of the components' lower bounds and of their
/// upper bounds. For symmetric Gaussian intervals and no trimming this is mean ± z·mean(se): the standard
/// error of an average of perfectly correlated errors, an upper bound on the combination's true spread
/// (component errors are highly but not perfectly correlated), chosen because it needs no cross-covariance
/// estimate from 14 points. A trimmed mean is non-decreasing in every argument, so bounds keep their order
/// (lower ≤ point ≤ upper, and a higher level's interval contains a lower level's); docs/forecasting-service.md.
/// </summary>
public sealed class CombinationForecaster : IForecaster
{
    private readonly IForecaster[] _components;
    private readonly string _name;
    private readonly int _trim;
    private readonly CombinationWeights _weights;
    private readonly int _minimum;

    /// <param name="components">Methods to average; null gives ETS, ARIMA and Theta (the "combination" method).</param>
    /// <param name="name">Method name reported in results.</param>
    /// <param name="trim">Component forecasts dropped from each end at each horizon before averaging; 0 is the plain mean.</param>
    /// <param name="weights">How the components are weighed; weights other than equal take no trimming.</param>
    /// <param name="minimum">
    /// Observations the combination needs; null needs every component's minimum. Below a component's own minimum
    /// (and at or above this one) that component is left out and the others combined: a weighted combination only,
    /// since an equal or trimmed mean's trimming counts on every component.
    /// </param>
    public CombinationForecaster(
        IReadOnlyList<IForecaster>? components = null, string name = "combination", int trim = 0, CombinationWeights weights = CombinationWeights.Equal,
        int? minimum = null)
    {
        _components = components?.ToArray() ?? [new EtsForecaster(), new ArimaForecaster(), new ThetaForecaster()];
        if (_components.Length == 0)
        {
            throw new InvalidSpecException("components must name at least one method to combine.");
        }
        if (trim < 0 || 2 * trim >= _components.Length)
        {
            throw new InvalidSpecException($"trim must be in [0, {(_components.Length - 1) / 2}] for {_components.Length} components; got {trim}.");
        }
        if (trim > 0 && weights != CombinationWeights.Equal)
        {
            throw new InvalidSpecException("a weighted combination takes no trimming: trim must be 0.");
        }
        int all = _components.Max(c => c.MinimumObservations);
        if (minimum is { } m && (m > all || m < _components.Min(c => c.MinimumObservations) || weights == CombinationWeights.Equal))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), m, "a minimum applies to a weighted combination and lies between its components' minimums.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _minimum = minimum ?? all;
        _name = name;
        _trim = trim;
        _weights = weights;
    }

    /// <summary>
    /// The mean of automatic ETS and ARIMA (forecastHybrid's "ae" pair), the "etsarima" method; it was the "auto"
    /// default until the out-of-sample choice (docs/forecasting-service.md) replaced it with
    /// <see cref="EtsArimaDrift"/>. On the PWT rgdpna holdout (fit 1970–2011, forecast 2012–2017, 156 countries) its
    /// mean sMAPE is 6.83 against 7.03 for R's ets and 6.95 for auto.arima (chosen on that holdout, so in-sample
    /// for the choice); on 8-year UNCTAD series it does worse than naive, because ETS and ARIMA fitted to so few
    /// points mostly choose no trend.
    /// </summary>
    /// <param name="name">Method name reported in results.</param>
    public static CombinationForecaster EtsArima(string name = "etsarima") => new([new EtsForecaster(), new ArimaForecaster()], name);

    /// <summary>
    /// The mean of automatic ETS, ARIMA and the random walk with drift (R's <c>rwf(drift = TRUE)</c>): the
    /// ETS-ARIMA-Theta combination with drift in Theta's place. On annual data Theta is simple exponential smoothing
    /// plus half the series' linear-trend slope; drift carries the whole mean growth from the last value, which is
    /// what short trending annual series reward, while ETS and ARIMA bring the damping and level smoothing drift
    /// lacks. It was the "auto" default from the second choice in docs/forecasting-service.md until the third
    /// (<see cref="Weighted"/>).
    /// </summary>
    /// <param name="name">Method name reported in results ("auto" when it serves as the default).</param>
    public static CombinationForecaster EtsArimaDrift(string name = "etsarimadrift") =>
        new([new EtsForecaster(), new ArimaForecaster(), new DriftForecaster()], name);

    /// <summary>
    /// The trimmed mean of SCUM's models (ETS, ARIMA, DOTM and damped ETS for CES, as in
    /// <see cref="MedianCombinationForecaster"/>) and the random walk with drift: at each horizon the highest and
    /// lowest of the five forecasts are dropped and the middle three averaged. A median of five uses one forecast
    /// and a mean all five; the trimmed mean keeps the robustness to one wild component (a spurious ARIMA(0,2,2)
    /// trend, a drift through a level shift) and the variance reduction of averaging.
    /// </summary>
    /// <param name="name">Method name reported in results.</param>
    public static CombinationForecaster Trimmed(string name = "trimmed") =>
        new([new EtsForecaster(), new ArimaForecaster(), new DynamicOptimisedThetaForecaster(), new EtsForecaster("ZZN", damped: true, name: "etsdamped"), new DriftForecaster()], name, trim: 1);

    /// <summary>
    /// ETS, ARIMA, DOTM, damped ETS and the random walk with drift, each weighted by the inverse of its in-sample
    /// one-step mean squared error (<see cref="CombinationWeights.InverseInSampleMse"/>): the components of
    /// <see cref="Trimmed"/>, averaged instead by how closely each tracked the series one step ahead. The "auto"
    /// default (the empty method) since the third choice in docs/forecasting-service.md, where its scores and the
    /// targets it misses are. It needs what ETS needs (7 observations); on 7, damped ETS (which needs 8) is left out
    /// and the other four are weighted.
    /// </summary>
    /// <param name="name">Method name reported in results ("auto" when it serves as the default).</param>
    public static CombinationForecaster Weighted(string name = "weighted")
    {
        var ets = new EtsForecaster();
        return new([ets, new ArimaForecaster(), new DynamicOptimisedThetaForecaster(), new EtsForecaster("ZZN", damped: true, name: "etsdamped"), new DriftForecaster()],
            name, weights: CombinationWeights.InverseInSampleMse, minimum: ets.MinimumObservations);
    }

    public string Name => _name;

    public int MinimumObservations => _minimum;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels) => Forecast(y, horizon, levels, null);

    /// <summary>
    /// As <see cref="Forecast(ReadOnlySpan{double}, int, IReadOnlyList{double})"/>, with the components' forecasts
    /// obtained through <paramref name="component"/>: a caller that already holds the ETS, ARIMA or Theta forecast of
    /// the same series, horizon and levels (a grain that served it a moment ago) passes it instead of refitting.
    /// </summary>
    /// <param name="y">The series, oldest first, complete.</param>
    /// <param name="horizon">Steps ahead, 1..50.</param>
    /// <param name="levels">Interval levels in percent.</param>
    /// <param name="component">
    /// Given a component forecaster, returns what its Forecast(y, horizon, levels) returns (levels as given here);
    /// null fits every component.
    /// </param>
    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels, Func<IForecaster, ForecastResult>? component)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        // Every component when the series meets every minimum (always, unless a lower minimum was given).
        IForecaster[] components = _components.Where(c => c.MinimumObservations <= series.Length).ToArray();
        ForecastResult[] parts = ComponentForecasts.Collect(components, series, horizon, levelArray, component);
        if (_weights == CombinationWeights.InverseInSampleMse)
        {
            return WeightedMean(parts, series, levelArray);
        }

        double[] point = Average(parts.Select(p => p.Point));
        double[][] lower = levelArray.Select((_, i) => Average(parts.Select(p => p.Lower[i]))).ToArray();
        double[][] upper = levelArray.Select((_, i) => Average(parts.Select(p => p.Upper[i]))).ToArray();
        double[] fitted = Average(parts.Select(p => p.Fitted));
        return new ForecastResult(
            _name,
            $"{(_trim == 0 ? "Mean" : $"Trimmed mean (drop {_trim} high, {_trim} low)")} of {string.Join(", ", parts.Select(p => p.Model))}",
            // Trimmed, a component's weight differs by horizon: the parameters then only list the components, as the median's do.
            parts.Select(p => _trim == 0 ? $"weight.{p.Method}" : $"component.{p.Method}").ToArray(),
            parts.Select(_ => _trim == 0 ? 1.0 / parts.Length : 1.0).ToArray(),
            point,
            levelArray,
            lower,
            upper,
            fitted,
            double.NaN,
            double.NaN,
            double.NaN,
            series.Length);
    }

    /// <summary>
    /// Σ wₖ·partₖ for the point forecasts, both bounds at every level and the fitted values, wₖ ∝ 1/MSEₖ: a weighted
    /// mean is non-decreasing in every argument, so the bounds keep their order as the equal mean's do.
    /// </summary>
    private ForecastResult WeightedMean(ForecastResult[] parts, double[] series, double[] levelArray)
    {
        double[] weights = InverseMseWeights(parts, series);
        double[] Combine(Func<ForecastResult, double[]> select)
        {
            var result = new double[select(parts[0]).Length];
            for (int k = 0; k < parts.Length; k++)
            {
                double[] part = select(parts[k]);
                for (int j = 0; j < result.Length; j++)
                {
                    result[j] += weights[k] * part[j];
                }
            }
            return result;
        }

        return new ForecastResult(
            _name,
            $"Inverse-MSE weighted mean of {string.Join(", ", parts.Select(p => p.Model))}",
            parts.Select(p => $"weight.{p.Method}").ToArray(),
            weights,
            Combine(p => p.Point),
            levelArray,
            levelArray.Select((_, i) => Combine(p => p.Lower[i])).ToArray(),
            levelArray.Select((_, i) => Combine(p => p.Upper[i])).ToArray(),
            Combine(p => p.Fitted),
            double.NaN,
            double.NaN,
            double.NaN,
            series.Length);
    }

    /// <summary>1/MSEₖ normalised, MSEₖ the mean squared one-step error over component k's finite fitted values; equal when one is not usable.</summary>
    private static double[] InverseMseWeights(ForecastResult[] parts, double[] series)
    {
        var weights = new double[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            double sum = 0.0;
            int count = 0;
            double[] fitted = parts[k].Fitted;
            for (int t = 0; t < series.Length && t < fitted.Length; t++)
            {
                if (double.IsFinite(fitted[t]))
                {
                    sum += (series[t] - fitted[t]) * (series[t] - fitted[t]);
                    count++;
                }
            }
            weights[k] = count == 0 ? double.NaN : count / sum;
        }
        if (weights.Any(w => !(double.IsFinite(w) && w > 0.0)))
        {
            Array.Fill(weights, 1.0);
        }
        double total = weights.Sum();
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] /= total;
        }
        return weights;
    }

    /// <summary>Element-wise mean after dropping the <see cref="_trim"/> lowest and highest values of each column.</summary>
    private double[] Average(IEnumerable<double[]> rows)
    {
        double[][] all = rows.ToArray();
        var mean = new double[all[0].Length];
        var column = new double[all.Length];
        for (int j = 0; j < mean.Length; j++)
        {
            for (int i = 0; i < all.Length; i++)
            {
                column[i] = all[i][j];
            }
            if (_trim > 0)
            {
                // NaN (a component without a fitted value there) sorts first and is then kept or trimmed like any
                // other value; the fitted values are informative only, the forecasts have no NaN.
                Array.Sort(column);
            }
            double sum = 0.0;
            for (int i = _trim; i < column.Length - _trim; i++)
            {
                sum += column[i];
            }
            mean[j] = sum / (column.Length - 2 * _trim);
        }
        return mean;
    }
}
