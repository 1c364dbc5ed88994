using MathNet.Numerics.Distributions;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// forecast::tslm(y ~ trend) with forecast.lm's intervals, i.e. predict.lm(interval = "prediction"):
/// y_t = a + b·t, t = 1..n, and at t0 = n + h the interval is ŷ ± t_{n−2}·s·sqrt(1 + 1/n + (t0 − t̄)²/Sxx).
/// Closed form, not QR: with one centred regressor the normal equations are exact.
/// </summary>
internal static class TrendRegression
{
    public static ForecastResult Forecast(double[] y, int horizon, double[] levels, string method, string model)
    {
        int n = y.Length;
        double meanT = (n + 1) / 2.0;
        double meanY = y.Average();
        double sxx = 0.0;
        double sxy = 0.0;
        for (int t = 1; t <= n; t++)
        {
            sxx += (t - meanT) * (t - meanT);
            sxy += (t - meanT) * (y[t - 1] - meanY);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanT;

        var fitted = new double[n];
        double sumSquares = 0.0;
        for (int t = 1; t <= n; t++)
        {
            fitted[t - 1] = intercept + slope * t;
            double residual = y[t - 1] - fitted[t - 1];
            sumSquares += residual * residual;
        }
        int degreesOfFreedom = n - 2;
        double sigma2 = sumSquares / degreesOfFreedom;

        var point = new double[horizon];
        var se = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            double t0 = n + h;
            point[h - 1] = intercept + slope * t0;
            se[h - 1] = Math.Sqrt(sigma2 * (1.0 + 1.0 / n + (t0 - meanT) * (t0 - meanT) / sxx));
        }

        var lower = new double[levels.Length][];
        var upper = new double[levels.Length][];
        for (int i = 0; i < levels.Length; i++)
        {
            double q = StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, 0.5 + levels[i] / 200.0);
            lower[i] = point.Select((p, j) => p - q * se[j]).ToArray();
            upper[i] = point.Select((p, j) => p + q * se[j]).ToArray();
        }

        // Gaussian log-likelihood with the ML variance, as logLik.lm reports it.
        double mlVariance = sumSquares / n;
        double logLikelihood = -0.5 * n * (Math.Log(2.0 * Math.PI * mlVariance) + 1.0);
        const int parameters = 3;
        double aicc = -2.0 * logLikelihood + 2.0 * parameters + 2.0 * parameters * (parameters + 1) / (n - parameters - 1.0);
        return new ForecastResult(
            method, model, ["(Intercept)", "trend"], [intercept, slope], point, levels, lower, upper, fitted, sigma2,
            logLikelihood, n > parameters + 1 ? aicc : double.NaN, n);
    }
}
