namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// forecast:::lagwalk with lag 1 and forecast.lagwalk: the random walk, with or without drift.
/// Without drift the residual variance is mean((y_t − y_{t−1})²); with drift it is the lm(Δy ~ 1) residual
/// variance and the drift's standard error widens the intervals: se_h = sqrt(h·σ² + (h·se_b)²).
/// </summary>
internal static class RandomWalk
{
    public static ForecastResult Forecast(
        double[] y, int horizon, double[] levels, bool drift, string method, bool mirrorZeroDriftQuirk = true)
    {
        int n = y.Length;
        int differences = n - 1;
        double b = 0.0;
        double driftStandardError = 0.0;
        if (drift)
        {
            b = (y[n - 1] - y[0]) / differences;
        }

        var fitted = new double[n];
        fitted[0] = double.NaN;
        double sumSquares = 0.0;
        for (int t = 1; t < n; t++)
        {
            fitted[t] = y[t - 1] + b;
            double residual = y[t] - fitted[t];
            sumSquares += residual * residual;
        }

        if (drift)
        {
            // lm(Δy ~ 1): residual variance on differences − 1 degrees of freedom.
            driftStandardError = Math.Sqrt(sumSquares / (differences - 1) / differences);
        }

        // forecast.lagwalk divides by the residual count minus (drift != 0): a drift of exactly zero
        // is treated as no drift. Kept for rwf (R's lm returns exactly zero for such series only sometimes,
        // so the match is exact when the differences sum to zero exactly); CAGR always counts its drift.
        bool driftCounts = drift && (b != 0.0 || !mirrorZeroDriftQuirk);
        double sigma2 = sumSquares / (differences - (driftCounts ? 1 : 0));

        var point = new double[horizon];
        var se = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            point[h - 1] = y[n - 1] + h * b;
            se[h - 1] = Math.Sqrt(sigma2 * h + (h * driftStandardError) * (h * driftStandardError));
        }
        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, se, levels);
        return new ForecastResult(
            method,
            drift ? "Random walk with drift" : "Naive method",
            drift ? ["drift", "drift.se"] : [],
            drift ? [b, driftStandardError] : [],
            point,
            levels,
            lower,
            upper,
            fitted,
            sigma2,
            double.NaN,
            double.NaN,
            n);
    }
}
