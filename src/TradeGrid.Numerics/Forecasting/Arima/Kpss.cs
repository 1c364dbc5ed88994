namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// forecast::ndiffs with its defaults: the KPSS level-stationarity test (urca::ur.kpss, type "mu", Bartlett
/// long-run variance with trunc(3·sqrt(n)/13) lags) at alpha = 0.05, differencing while the test rejects,
/// at most twice. The p-value interpolates linearly in urca's table (0.347, 0.463, 0.574, 0.739 for
/// 10, 5, 2.5, 1%) and is clamped to [0.01, 0.10] as approx(rule = 2) does.
/// </summary>
internal static class Kpss
{
    private static readonly double[] _criticalValues = [0.347, 0.463, 0.574, 0.739];
    private static readonly double[] _pValues = [0.10, 0.05, 0.025, 0.01];

    public static int Differences(double[] x, double alpha = 0.05, int maxD = 2)
    {
        int d = 0;
        if (IsConstant(x))
        {
            return d;
        }
        bool dodiff = PValue(x) < alpha;
        while (dodiff && d < maxD)
        {
            d++;
            x = Difference(x);
            if (IsConstant(x))
            {
                return d;
            }
            dodiff = PValue(x) < alpha;
        }
        return d;
    }

    public static double Statistic(double[] y)
    {
        int n = y.Length;
        int lags = (int)Math.Truncate(3.0 * Math.Sqrt(n) / 13.0);
        double mean = y.Average();
        var res = y.Select(v => v - mean).ToArray();
        double cumulative = 0.0;
        double sumS2 = 0.0;
        for (int t = 0; t < n; t++)
        {
            cumulative += res[t];
            sumS2 += cumulative * cumulative;
        }
        double numerator = sumS2 / ((double)n * n);
        double s2 = res.Sum(e => e * e) / n;
        double denominator = s2;
        for (int lag = 1; lag <= lags; lag++)
        {
            double cov = 0.0;
            for (int t = lag; t < n; t++)
            {
                cov += res[t] * res[t - lag];
            }
            denominator += 2.0 / n * (1.0 - lag / (lags + 1.0)) * cov;
        }
        return numerator / denominator;
    }

    public static double PValue(double[] y)
    {
        double stat = Statistic(y);
        if (stat <= _criticalValues[0])
        {
            return _pValues[0];
        }
        if (stat >= _criticalValues[^1])
        {
            return _pValues[^1];
        }
        int i = 0;
        while (stat > _criticalValues[i + 1])
        {
            i++;
        }
        double w = (stat - _criticalValues[i]) / (_criticalValues[i + 1] - _criticalValues[i]);
        return _pValues[i] + w * (_pValues[i + 1] - _pValues[i]);
    }

    public static double[] Difference(double[] x)
    {
        var result = new double[x.Length - 1];
        for (int t = 1; t < x.Length; t++)
        {
            result[t - 1] = x[t] - x[t - 1];
        }
        return result;
    }

    /// <summary>forecast's is.constant: every value equal to the first.</summary>
    public static bool IsConstant(double[] x) => x.All(v => v == x[0]);
}
