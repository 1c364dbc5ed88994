using System.Globalization;
using System.Runtime.CompilerServices;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Non-seasonal complex exponential smoothing (CES; Svetunkov and Kourentzes 2015, Svetunkov, Kourentzes and Ord 2022,
/// "Complex exponential smoothing", Naval Research Logistics 69(8)), in the state space form of the smooth package's
/// ces() (v4): a level ℓ and an information potential c, a complex smoothing parameter a₀ + ia₁,
/// <code>
/// ŷ_t = ℓ_{t−1},   e_t = y_t − ŷ_t
/// ℓ_t = ℓ_{t−1} + (a₁ − 1)c_{t−1} + (a₀ − a₁)e_t
/// c_t = ℓ_{t−1} + (1 − a₀)c_{t−1} + (a₀ + a₁)e_t
/// </code>
/// that is v_t = Fv_{t−1} + ge_t with F = [[1, a₁ − 1], [1, 1 − a₀]], g = (a₀ − a₁, a₀ + a₁), w = (1, 0). Without a trend
/// or damping to choose, the model moves between a level and a trend as a₀ and a₁ say. Estimated as ces() does by
/// default: a₀, a₁, ℓ₀ and c₀ by Gaussian likelihood (the sum of squared one-step errors) from (1.3, 1, ȳ, ȳ/1.1),
/// ȳ the mean of the first ten observations at most, within the admissible region (both eigenvalues of F − gw' inside
/// the unit circle; outside it the objective is 10¹⁰⁰ times the largest modulus); the optimiser is R's Nelder–Mead
/// (smooth uses nloptr's; neither is in Debian, so there is no reference run here). Forecasts run the state without
/// errors; intervals are the state space's: σ²(1 + Σ_{j=1}^{h−1}(w'F^{j−1}g)²), σ² = Σe²/(n − 5) (four parameters and the
/// scale). The tests check the model's algebra and properties (the recursion, admissibility, recovery of simulated
/// parameters), not a reference implementation.
/// </summary>
public sealed class ComplexExponentialSmoothingForecaster : IForecaster
{
    private const double Penalty = 1e100;

    /// <summary>R's optim default for Nelder–Mead (function evaluations).</summary>
    private const int MaxEvaluations = 500;

    public string Name => "ces";

    /// <summary>Four parameters and the scale against n one-step errors, and two degrees of freedom left.</summary>
    public int MinimumObservations => 7;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        int n = series.Length;

        double start = 0.0;
        int head = Math.Min(10, n);
        for (int t = 0; t < head; t++)
        {
            start += series[t];
        }

        start /= head;
        var fitted = new double[n];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Objective(double[] par)
        {
            double modulus = LargestModulus(par[0], par[1]);
            return modulus > 1.0 ? Penalty * modulus : Run(series, par, fitted).Squares;
        }

        (double[] best, _, _) = NelderMead.Minimize(
            Objective, [1.3, 1.0, start, start / 1.1], double.NegativeInfinity, 1e-8, maxIterations: MaxEvaluations);
        (double squares, double level, double potential) = Run(series, best, fitted);
        double sigma2 = squares / (n - 5);
        (double[] point, double[] se) = Ahead(best, level, potential, horizon, Math.Sqrt(sigma2));
        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, se, levelArray);
        string model = string.Create(CultureInfo.InvariantCulture, $"CES(a = {best[0]:0.###} + {best[1]:0.###}i)");
        return new ForecastResult(
            Name, model, ["a0", "a1", "level0", "potential0"], best, point, levelArray, lower, upper, fitted, sigma2,
            double.NaN, double.NaN, n);
    }

    /// <summary>
    /// The larger modulus of the eigenvalues of D = F − gw' = [[1 − a₀ + a₁, a₁ − 1], [1 − a₀ − a₁, 1 − a₀]], the
    /// discount matrix whose powers weigh past errors: the model is admissible when it is at most 1.
    /// </summary>
    internal static double LargestModulus(double a0, double a1)
    {
        double trace = 2.0 - 2.0 * a0 + a1;
        double determinant = (1.0 - a0 + a1) * (1.0 - a0) - (a1 - 1.0) * (1.0 - a0 - a1);
        double discriminant = trace * trace - 4.0 * determinant;
        if (discriminant < 0.0)
        {
            return Math.Sqrt(determinant); // complex pair: |λ|² = det
        }

        double root = Math.Sqrt(discriminant);
        return Math.Max(Math.Abs(trace + root), Math.Abs(trace - root)) / 2.0;
    }

    /// <summary>
    /// Runs the filter over y from (ℓ₀, c₀) = (par[2], par[3]); writes the one-step predictions; returns Σe² and the
    /// last state.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Squares, double Level, double Potential) Run(double[] y, double[] par, double[] fitted)
    {
        double a0 = par[0], a1 = par[1];
        double level = par[2], potential = par[3];
        double squares = 0.0;
        for (int t = 0; t < y.Length; t++)
        {
            fitted[t] = level;
            double e = y[t] - level;
            squares += e * e;
            double nextLevel = level + (a1 - 1.0) * potential + (a0 - a1) * e;
            potential = level + (1.0 - a0) * potential + (a0 + a1) * e;
            level = nextLevel;
        }

        return (squares, level, potential);
    }

    /// <summary>Point forecasts w'F^h v_n from the last state and standard errors σ·sqrt(1 + Σ_{j&lt;h}(w'F^{j−1}g)²).</summary>
    private static (double[] Point, double[] Se) Ahead(double[] par, double level, double potential, int horizon, double sigma)
    {
        double a0 = par[0], a1 = par[1];
        var point = new double[horizon];
        var se = new double[horizon];
        // ψ_j = w'F^{j−1}g: the impulse of one error j steps on, from the state (g₁, g₂).
        double psiLevel = a0 - a1, psiPotential = a0 + a1;
        double variance = 1.0;
        for (int h = 0; h < horizon; h++)
        {
            point[h] = level;
            se[h] = sigma * Math.Sqrt(variance);
            (level, potential) = Transition(level, potential, a0, a1);
            variance += psiLevel * psiLevel;
            (psiLevel, psiPotential) = Transition(psiLevel, psiPotential, a0, a1);
        }

        return (point, se);
    }

    /// <summary>F·(ℓ, c): the state one step on without an error.</summary>
    private static (double Level, double Potential) Transition(double level, double potential, double a0, double a1) =>
        (level + (a1 - 1.0) * potential, level + (1.0 - a0) * potential);
}
