using System.Runtime.CompilerServices;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting.Ets;

/// <summary>
/// Maximum-likelihood fit of one non-seasonal ETS model as forecast:::etsmodel does it (forecast 8.20):
/// starting values from initparam and initstate, then Nelder–Mead (R's nmmin, reltol sqrt(eps), maxit 2000)
/// over (alpha, beta, phi, l0, b0) jointly. Outside the region the criterion is +Inf, as in
/// etsTargetFunction.cpp: bounds "both" = the usual region 1e-4 ≤ β ≤ α ≤ 0.9999, 0.8 ≤ φ ≤ 0.98, intersected
/// with the admissible (forecastable) region.
/// </summary>
internal static class EtsEstimator
{
    private const double LowerSmoothing = 1e-4;
    private const double UpperSmoothing = 0.9999;
    private const double LowerPhi = 0.8;
    private const double UpperPhi = 0.98;

    /// <summary>
    /// Fits the model; null when R would give Inf (more parameters than n − 2). minimiseMse selects
    /// opt.crit = "mse" (used by ses and thetaf) instead of the likelihood.
    /// </summary>
    public static EtsFit? Fit(double[] y, EtsCandidate model, bool minimiseMse = false)
    {
        int n = y.Length;
        var start = new List<double>();
        // initparam: alpha 20% into its range, beta 10% into [lower, alpha], phi 99% into its range.
        double alpha0 = LowerSmoothing + 0.2 * (UpperSmoothing - LowerSmoothing);
        start.Add(alpha0);
        if (model.Trend)
        {
            double upperBeta = Math.Min(UpperSmoothing, alpha0);
            start.Add(LowerSmoothing + 0.1 * (upperBeta - LowerSmoothing));
        }
        if (model.Damped)
        {
            start.Add(LowerPhi + 0.99 * (UpperPhi - LowerPhi));
        }
        (double l0, double b0) = InitialState(y, model.Trend);
        start.Add(l0);
        if (model.Trend)
        {
            start.Add(b0);
        }
        int np = start.Count;
        if (np >= n - 1)
        {
            return null;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Objective(double[] par)
        {
            (double alpha, double beta, double phi, double l, double b) = Unpack(par, model);
            if (!InRegion(alpha, beta, phi, model))
            {
                return double.PositiveInfinity;
            }
            (double lik, double mse, _, _) = EtsRecursion.Run(y, model, alpha, beta, phi, l, b, default, default);
            // etsTargetFunction: perfect fits are capped, NaN becomes +Inf.
            if (lik < -1e10)
            {
                lik = -1e10;
            }
            if (double.IsNaN(lik))
            {
                lik = double.PositiveInfinity;
            }
            return minimiseMse ? mse : lik;
        }

        (double[] best, _, _) = NelderMead.Minimize(Objective, start.ToArray(), double.NegativeInfinity, Math.Sqrt(2.220446049250313e-16));
        (double a, double bt, double ph, double lInit, double bInit) = Unpack(best, model);
        var errors = new double[n];
        var fitted = new double[n];
        (double finalLik, _, double lastLevel, double lastSlope) = EtsRecursion.Run(y, model, a, bt, ph, lInit, bInit, errors, fitted);

        int k = np + 1;
        double aic = finalLik + 2.0 * k;
        double sse = errors.Sum(e => e * e);
        return new EtsFit(
            model, a, bt, ph, lInit, bInit, lastLevel, lastSlope, finalLik, aic,
            aic + 2.0 * k * (k + 1) / (n - k - 1.0),
            finalLik + Math.Log(n) * k,
            // ets(): sigma2 = sum(residuals²) / (n − length(par)); residuals are relative for M errors.
            sse / (n - np),
            fitted);
    }

    /// <summary>initstate for non-seasonal data: mean, or lsfit on t = 1..maxn, of the first maxn = min(10, n) values.</summary>
    public static (double Level, double Slope) InitialState(double[] y, bool trend)
    {
        int maxn = Math.Min(10, y.Length);
        if (!trend)
        {
            double sum = 0.0;
            for (int t = 0; t < maxn; t++)
            {
                sum += y[t];
            }
            return (sum / maxn, 0.0);
        }
        double meanT = (maxn + 1) / 2.0;
        double meanY = 0.0;
        for (int t = 0; t < maxn; t++)
        {
            meanY += y[t];
        }
        meanY /= maxn;
        double sxx = 0.0;
        double sxy = 0.0;
        for (int t = 1; t <= maxn; t++)
        {
            sxx += (t - meanT) * (t - meanT);
            sxy += (t - meanT) * (y[t - 1] - meanY);
        }
        double slope = sxy / sxx;
        double level = meanY - slope * meanT;
        // initstate perturbs l0 + b0 = 0 so that a multiplicative error never divides by zero.
        if (Math.Abs(level + slope) < 1e-8)
        {
            level *= 1.001;
            slope *= 0.999;
        }
        return (level, slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Alpha, double Beta, double Phi, double Level, double Slope) Unpack(double[] par, EtsCandidate model)
    {
        int j = 0;
        double alpha = par[j++];
        double beta = model.Trend ? par[j++] : 0.0;
        double phi = model.Damped ? par[j++] : 1.0;
        double level = par[j++];
        double slope = model.Trend ? par[j] : 0.0;
        return (alpha, beta, phi, level, slope);
    }

    /// <summary>check_params with bounds = "both": the usual box, then the admissible region.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool InRegion(double alpha, double beta, double phi, EtsCandidate model)
    {
        if (alpha < LowerSmoothing || alpha > UpperSmoothing)
        {
            return false;
        }
        if (model.Trend && (beta < LowerSmoothing || beta > alpha || beta > UpperSmoothing))
        {
            return false;
        }
        if (model.Damped && (phi < LowerPhi || phi > UpperPhi))
        {
            return false;
        }
        if (phi < 0 || phi > 1 + 1e-8)
        {
            return false;
        }
        if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi)
        {
            return false;
        }
        return !model.Trend || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
    }
}
