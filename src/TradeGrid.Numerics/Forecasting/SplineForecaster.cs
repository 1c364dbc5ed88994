using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Local linear forecasts from a cubic smoothing spline, as R's forecast::splinef (forecast 8.20; Hyndman, King,
/// Pitrun and Billah 2005, "Local linear forecasts using cubic smoothing splines"). The spline is a state space
/// model: y has covariance Ω = c·ss' + Σ/β + I (s = (1, t/n), Σ the integrated-random-walk covariance i²(3j − i)/6/n³
/// for i ≤ j, c = 100); the forecasts are the conditional means U'Ω⁻¹y of the next h points and their intervals
/// σ²(Ω₀ − U'Ω⁻¹U), σ² the mean squared standardised one-step error. β comes from smooth.spline's generalised
/// cross-validation (R's default, method = "gcv", <see cref="SplineSmoothing.CrossValidation"/>) or by maximum
/// likelihood (method = "mle": R's optimize, the same Brent steps, on β·10⁶ in [10⁻⁶, 10⁷] over the last 100 points
/// at most). The forecast function is linear (the model is a restricted ARIMA(0,2,2)).
/// </summary>
public sealed class SplineForecaster : IForecaster
{
    private const double Diffuse = 100.0;

    private readonly SplineSmoothing _smoothing;

    public SplineForecaster(SplineSmoothing smoothing = SplineSmoothing.CrossValidation)
    {
        _smoothing = smoothing;
    }

    public string Name => _smoothing == SplineSmoothing.CrossValidation ? "spline" : "splinemle";

    /// <summary>Three standardised one-step errors at least.</summary>
    public int MinimumObservations => 4;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] x = ForecastChecks.Series(y, MinimumObservations, Name);
        int n = x.Length;
        double beta = _smoothing == SplineSmoothing.CrossValidation ? CrossValidatedBeta(x) : MaximumLikelihoodBeta(x);

        double[,] omega = Omega(n, n, beta);
        double[,] l = Cholesky(omega, n)
            ?? throw new InsufficientDataException($"spline: the covariance of {n} points is not positive definite; use another method.");
        double[] z = ForwardSolve(l, x, n);
        double squares = 0.0;
        var fitted = new double[n];
        fitted[0] = double.NaN;
        for (int k = 1; k < n; k++)
        {
            squares += z[k] * z[k];
            fitted[k] = x[k] - z[k] * l[k, k];
        }

        double sigma2 = squares / (n - 1);
        double[,] future = Omega(n, n + horizon, beta);
        var point = new double[horizon];
        var se = new double[horizon];
        double[] weights = BackSolve(l, z, n); // Ω⁻¹x
        for (int t = 0; t < horizon; t++)
        {
            var u = new double[n];
            double mean = 0.0;
            for (int i = 0; i < n; i++)
            {
                u[i] = future[i, n + t];
                mean += u[i] * weights[i];
            }

            double[] w = ForwardSolve(l, u, n);
            double explained = 0.0;
            foreach (double v in w)
            {
                explained += v * v;
            }

            point[t] = mean;
            se[t] = Math.Sqrt(sigma2 * (future[n + t, n + t] - explained));
        }

        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, se, levelArray);
        return new ForecastResult(
            Name, "Cubic Smoothing Spline", ["beta"], [beta * n * (double)n * n], point, levelArray, lower, upper, fitted, sigma2,
            double.NaN, double.NaN, n);
    }

    /// <summary>splinef's method = "gcv": β = max(10⁻⁷, λ(n − 1)³/n³) from smooth.spline(1:n, y)'s λ.</summary>
    private double CrossValidatedBeta(double[] x)
    {
        int n = x.Length;
        SmoothingSplineChoice choice = SmoothingSplineGcv.Choose(x);
        if (choice.Failed && choice.Spar < 0.5)
        {
            throw new InsufficientDataException($"{Name}: the cross-validated smoothing parameter is too small for this series (smooth.spline fails); use method splinemle or another method.");
        }

        double cube = (n - 1.0) * (n - 1.0) * (n - 1.0) / ((double)n * n * n);
        return Math.Max(1e-7, choice.Lambda * cube);
    }

    /// <summary>splinef's method = "mle": β·10⁶ minimising the likelihood over the last 100 points at most.</summary>
    private static double MaximumLikelihoodBeta(double[] x)
    {
        double[] last = x.Length > 100 ? x[(x.Length - 100)..] : x;
        return BrentMinimum.Minimize(b => NegativeLogLikelihood(b / 1e6, last), 1e-6, 1e7, BrentMinimum.DefaultTolerance) / 1e6;
    }

    /// <summary>R's spline.loglik at β: log det(P) of P'P = Ω⁻¹, and the scale concentrated out: ½·log det Ω + ½·n·log(y'Ω⁻¹y).</summary>
    private static double NegativeLogLikelihood(double beta, double[] y)
    {
        int n = y.Length;
        double[,]? l = Cholesky(Omega(n, n, beta), n);
        if (l is null)
        {
            return double.PositiveInfinity;
        }

        double logDet = 0.0;
        for (int i = 0; i < n; i++)
        {
            logDet += Math.Log(l[i, i]);
        }

        double quadratic = 0.0;
        foreach (double v in ForwardSolve(l, y, n))
        {
            quadratic += v * v;
        }

        return logDet + 0.5 * n * Math.Log(quadratic);
    }

    /// <summary>
    /// Ω over the first <paramref name="size"/> points of a series of <paramref name="n"/> (R's spline.matrices with
    /// n0 = size − n): c·ss' + Σ/β + I, with s = (1, t/n) and Σᵢⱼ = i²(3j − i)/6/n³ for i ≤ j.
    /// </summary>
    private static double[,] Omega(int n, int size, double beta)
    {
        var omega = new double[size, size];
        double n3 = (double)n * n * n;
        for (int i = 1; i <= size; i++)
        {
            for (int j = i; j <= size; j++)
            {
                double sigma = i * (double)i * (3.0 * j - i) / 6.0 / n3;
                double value = Diffuse * (1.0 + i / (double)n * (j / (double)n)) + sigma / beta + (i == j ? 1.0 : 0.0);
                omega[i - 1, j - 1] = value;
                omega[j - 1, i - 1] = value;
            }
        }

        return omega;
    }

    /// <summary>Lower-triangular L with LL' = the leading n×n block of <paramref name="a"/>; null when it is not positive definite.</summary>
    private static double[,]? Cholesky(double[,] a, int n)
    {
        var l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (!(d > 0.0))
            {
                return null;
            }

            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        return l;
    }

    /// <summary>L⁻¹b.</summary>
    private static double[] ForwardSolve(double[,] l, double[] b, int n)
    {
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i, k] * z[k];
            }

            z[i] = s / l[i, i];
        }

        return z;
    }

    /// <summary>L'⁻¹z (with z = L⁻¹b: Ω⁻¹b).</summary>
    private static double[] BackSolve(double[,] l, double[] z, int n)
    {
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= l[k, i] * x[k];
            }

            x[i] = s / l[i, i];
        }

        return x;
    }
}
