using System.Runtime.CompilerServices;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The dynamic optimised Theta model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler (2016),
/// "Models for optimising the theta method and their relationship to state space models", IJF 32(4), as the
/// authors' R package forecTheta::dotm computes it (non-seasonal, no Box–Cox). The Theta line θ is estimated
/// (θ ≥ 1; θ = 2 is the classic Theta method) and the linear trend's intercept A_t and slope B_t are the least
/// squares line of y_1..y_t, updated at each step, so the trend adapts as the series bends:
/// <code>
/// μ_{t+1} = ℓ_t + (1 − 1/θ)·(A_t(1 − α)^t + B_t(1 − (1 − α)^{t+1})/α)
/// ℓ_{t+1} = αy_{t+1} + (1 − α)ℓ_t,   Ȳ_{t+1} = (tȲ_t + y_{t+1})/(t + 1)
/// B_{t+1} = ((t − 1)B_t + 6(y_{t+1} − Ȳ_t)/(t + 1))/(t + 2),   A_{t+1} = Ȳ_{t+1} − B_{t+1}(t + 2)/2
/// </code>
/// started at ℓ_1 = αy_1 + (1 − α)ℓ_0, A_1 = Ȳ_1 = μ_1 = y_1, B_1 = 0. Forecasts run the same recursion with
/// y = μ. (ℓ_0, α, θ) minimise Σ_{t≥3}(y_t − μ_t)² by Nelder–Mead from (y_1/2, 0.5, 2) with 0.1 ≤ α ≤ 0.99 and
/// θ ≥ 1 (forecTheta's defaults and optim's).
/// <para>
/// Intervals: forecTheta simulates 200 paths with Gaussian noise of sd(residuals[3..n]) fed back through the
/// recursion and takes quantiles. The recursion is linear in the new observations, so those paths' spread is
/// known exactly: the error at step h is Σ_j ψ_{h,j}ε_j with ψ from the recursion's impulse response, and the
/// interval is point ± z·σ·sqrt(Σ_j ψ²_{h,j}), the limit of forecTheta's simulation as its paths grow in number.
/// </para>
/// Forecast's R package has no DOTM; the tests check the model's properties (the dynamic A_t, B_t are the least
/// squares line, θ = 1 is SES, a straight line is continued), not a reference implementation.
/// </summary>
public sealed class DynamicOptimisedThetaForecaster : IForecaster
{
    private const double LowerAlpha = 0.1;
    private const double UpperAlpha = 0.99;
    private const double LowerTheta = 1.0;

    /// <summary>forecTheta's value outside the bounds: finite, so Nelder–Mead treats it as a very bad point.</summary>
    private const double OutsideBounds = 1e300;

    /// <summary>optim's default maxit for Nelder–Mead (function evaluations).</summary>
    private const int MaxEvaluations = 500;

    public string Name => "dotm";

    /// <summary>Three parameters against n − 2 one-step errors (the first two are not scored): n − 2 must exceed 3.</summary>
    public int MinimumObservations => 6;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        int n = series.Length;

        // forecTheta scales the errors by mean|y| so that optim's relative tolerance means the same at every scale.
        double scale = series.Average(Math.Abs);
        if (scale == 0.0)
        {
            scale = 1.0;
        }
        var path = new double[n];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Objective(double[] par)
        {
            if (par[1] < LowerAlpha || par[1] > UpperAlpha || par[2] < LowerTheta)
            {
                return OutsideBounds;
            }
            Run(series, par[0], par[1], par[2], path);
            double sum = 0.0;
            for (int t = 2; t < n; t++)
            {
                double e = (series[t] - path[t]) / scale;
                sum += e * e;
            }
            return sum;
        }

        (double[] best, _, _) = NelderMead.Minimize(
            Objective, [series[0] / 2.0, 0.5, 2.0], double.NegativeInfinity, Math.Sqrt(2.220446049250313e-16), maxIterations: MaxEvaluations);
        double ell0 = best[0];
        double alpha = best[1];
        double theta = best[2];

        var full = new double[n + horizon];
        Run(series, ell0, alpha, theta, full);
        double[] fitted = full[..n];
        double[] point = full[n..];
        double sigma2 = ResidualVariance(series, fitted);
        double[] se = StandardErrors(series, alpha, theta, horizon, Math.Sqrt(sigma2));
        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, se, levelArray);
        return new ForecastResult(
            Name, $"DOTM(theta = {theta.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)})",
            ["ell0", "alpha", "theta"], [ell0, alpha, theta], point, levelArray, lower, upper, fitted, sigma2, double.NaN, double.NaN, n);
    }

    /// <summary>
    /// Runs the recursion over y and on for mu.Length − y.Length forecast steps (with y = μ there); mu[t] is the
    /// one-step prediction of observation t (0-based; forecTheta's μ_{t+1}).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run(double[] y, double ell0, double alpha, double theta, double[] mu)
    {
        int n = y.Length;
        double weight = 1.0 - 1.0 / theta;
        double ell = alpha * y[0] + (1.0 - alpha) * ell0;
        double mean = y[0];
        double a = y[0];
        double b = 0.0;
        mu[0] = y[0];
        double decay = 1.0 - alpha;
        double decayPower = decay; // (1 − α)^i for i = 1
        for (int i = 1; i < mu.Length; i++)
        {
            double next = ell + weight * (a * decayPower + b * (1.0 - decayPower * decay) / alpha);
            mu[i] = next;
            double observed = i < n ? y[i] : next;
            ell = alpha * observed + decay * ell;
            double newMean = (i * mean + observed) / (i + 1);
            b = ((i - 1) * b + 6.0 * (observed - mean) / (i + 1)) / (i + 2);
            a = newMean - b * (i + 2) / 2.0;
            mean = newMean;
            decayPower *= decay;
        }
    }

    /// <summary>forecTheta's sd(residuals[3..n])²: the first two one-step errors are not part of the fit.</summary>
    private static double ResidualVariance(double[] y, double[] fitted)
    {
        int count = y.Length - 2;
        double mean = 0.0;
        for (int t = 2; t < y.Length; t++)
        {
            mean += y[t] - fitted[t];
        }
        mean /= count;
        double sum = 0.0;
        for (int t = 2; t < y.Length; t++)
        {
            double d = y[t] - fitted[t] - mean;
            sum += d * d;
        }
        return sum / (count - 1);
    }

    /// <summary>
    /// σ·sqrt(Σ_j ψ²_{h,j}): ψ_{h,j} is how much the forecast path at step h moves when the new observation at step
    /// j ≤ h is one unit above its prediction (ψ_{h,h} = 1), from the recursion's deviations (linear in y).
    /// </summary>
    internal static double[] StandardErrors(double[] y, double alpha, double theta, int horizon, double sigma)
    {
        int n = y.Length;
        double weight = 1.0 - 1.0 / theta;
        double decay = 1.0 - alpha;
        var sumSquares = new double[horizon];
        for (int source = 0; source < horizon; source++)
        {
            double dEll = 0.0;
            double dMean = 0.0;
            double dA = 0.0;
            double dB = 0.0;
            for (int k = source; k < horizon; k++)
            {
                int i = n + k; // forecTheta's i: the step that predicts observation i + 1 (1-based)
                double decayPower = Math.Pow(decay, i);
                double dMu = dEll + weight * (dA * decayPower + dB * (1.0 - decayPower * decay) / alpha);
                double dy = k == source ? dMu + 1.0 : dMu;
                sumSquares[k] += dy * dy;
                dEll = alpha * dy + decay * dEll;
                double dNewMean = (i * dMean + dy) / (i + 1);
                dB = ((i - 1) * dB + 6.0 * (dy - dMean) / (i + 1)) / (i + 2);
                dA = dNewMean - dB * (i + 2) / 2.0;
                dMean = dNewMean;
            }
        }
        return sumSquares.Select(s => sigma * Math.Sqrt(s)).ToArray();
    }
}
