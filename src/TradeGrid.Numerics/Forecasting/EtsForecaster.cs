using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Ets;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Exponential smoothing state space models for annual (non-seasonal) data, mirroring R's
/// forecast::ets(y, model, damped) and forecast.ets (forecast 8.20): errors A/M, trend N/A/Ad, parameters and
/// initial states by maximum likelihood (see EtsEstimator), the model chosen by AICc among the candidates in R's
/// order (A before M, damped before undamped), and analytic intervals (class 1 / class 2 variances).
/// Multiplicative errors are only tried on strictly positive data, as in R.
/// </summary>
public sealed class EtsForecaster : IForecaster
{
    private readonly string _model;
    private readonly bool? _damped;
    private readonly string _name;

    /// <param name="model">Error and trend letters as in R, with an optional third "N": error A, M or Z (choose),
    /// trend N, A or Z. "ZZ" or "ZZN" is automatic selection.</param>
    /// <param name="damped">True forces a damped trend, false forbids it, null lets AICc choose.</param>
    /// <param name="name">Method name reported in results and used as a cache key by callers: a variant
    /// (ets(y, damped = TRUE) is "etsdamped") needs its own.</param>
    public EtsForecaster(string model = "ZZN", bool? damped = null, string name = "ets")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        ArgumentNullException.ThrowIfNull(model);
        string m = model.ToUpperInvariant();
        if (m.Length is < 2 or > 3 || "AMZ".IndexOf(m[0]) < 0 || "NAZ".IndexOf(m[1]) < 0 || (m.Length == 3 && m[2] != 'N'))
        {
            throw new InvalidSpecException(
                $"model '{model}' is not a non-seasonal ETS model: error A, M or Z; trend N, A or Z; season N (e.g. \"ZZN\", \"AAN\", \"MNN\").");
        }
        if (damped == true && m[1] == 'N')
        {
            throw new InvalidSpecException($"model '{model}' has no trend to damp; use trend A or Z, or damped = null.");
        }
        _model = m[..2];
        _damped = damped;
    }

    public string Name => _name;

    /// <summary>
    /// R's ets switches to HoltWinters for n ≤ npars + 4 (npars = 2 for automatic trend, 4 with a fixed
    /// trend, +1 when damping is forced); those fits are refused here instead.
    /// </summary>
    public int MinimumObservations => 2 + (_model[1] == 'A' ? 2 : 0) + (_damped == true ? 1 : 0) + 5;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels) => Forecast(y, horizon, levels, null);

    /// <summary>As <see cref="Forecast(ReadOnlySpan{double}, int, IReadOnlyList{double})"/>, sharing model fits through <paramref name="fits"/>.</summary>
    /// <param name="y">The series, oldest first, complete.</param>
    /// <param name="horizon">Steps ahead, 1..50.</param>
    /// <param name="levels">Interval levels in percent.</param>
    /// <param name="fits">Fits of this series made for other methods; null fits every model.</param>
    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels, EtsFitCache? fits)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        if (_model[0] == 'M')
        {
            ForecastChecks.Positive(series, "ets with multiplicative errors");
        }
        if (_model == "ZZ" && _damped is null && IsConstant(series))
        {
            return Constant(series, horizon, levelArray, _name);
        }

        EtsFit fit = Select(series, _model, _damped, fits)
            ?? throw new InsufficientDataException($"ets: no model could be fitted to {series.Length} observations; use a longer series.");
        return ToResult(fit, series.Length, horizon, levelArray, _name);
    }

    /// <summary>The candidate loop of forecast::ets: lowest AICc wins, ties keep the earlier model.</summary>
    internal static EtsFit? Select(double[] y, string model, bool? damped, EtsFitCache? fits = null)
    {
        bool positive = y.All(v => v > 0);
        char[] errors = model[0] == 'Z' ? ['A', 'M'] : [model[0]];
        char[] trends = model[1] == 'Z' ? ['N', 'A'] : [model[1]];
        bool[] dampings = damped is { } d ? [d] : [true, false];
        EtsFit? best = null;
        foreach (char error in errors)
        {
            foreach (char trend in trends)
            {
                foreach (bool damp in dampings)
                {
                    if ((trend == 'N' && damp) || (error == 'M' && !positive))
                    {
                        continue;
                    }
                    EtsFit? fit = EtsFitCache.Fit(fits, y, new EtsCandidate(error == 'M', trend == 'A', damp));
                    if (fit is not null && !double.IsNaN(fit.Aicc) && fit.Aicc < (best?.Aicc ?? double.PositiveInfinity))
                    {
                        best = fit;
                    }
                }
            }
        }
        return best;
    }

    internal static ForecastResult ToResult(EtsFit fit, int n, int horizon, double[] levels, string method = "ets", string? model = null)
    {
        (double[] mean, double[] variance) = EtsPrediction.Forecast(fit, horizon);
        (double[][] lower, double[][] upper) = Intervals.Gaussian(mean, variance.Select(Math.Sqrt).ToArray(), levels);
        (string[] names, double[] values) = fit.Parameters();
        return new ForecastResult(
            method, model ?? fit.Model.ToString(), names, values, mean, levels, lower, upper, (double[])fit.Fitted.Clone(), fit.Sigma2, fit.LogLikelihood, fit.Aicc, n);
    }

    /// <summary>forecast's is.constant: every value equal to the first.</summary>
    private static bool IsConstant(double[] y) => y.All(v => v == y[0]);

    /// <summary>
    /// ets on a constant series returns ses(alpha = 0.99999, initial = "simple"): a flat forecast with zero variance,
    /// which R labels "Simple exponential smoothing"; the label is kept so that model comparisons with R hold.
    /// </summary>
    private static ForecastResult Constant(double[] y, int horizon, double[] levels, string method)
    {
        var point = Enumerable.Repeat(y[0], horizon).ToArray();
        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, new double[horizon], levels);
        return new ForecastResult(
            method, "Simple exponential smoothing", ["alpha", "l"], [0.99999, y[0]], point, levels, lower, upper,
            (double[])y.Clone(), 0.0, double.NaN, double.NaN, y.Length);
    }
}
