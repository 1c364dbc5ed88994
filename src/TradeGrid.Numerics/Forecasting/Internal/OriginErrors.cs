namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// The errors of one rolling-origin forecast, as M4 defines them: sMAPE = 200/h·Σ|y − f|/(|y| + |f|) (percent) and
/// MASE = mean |y − f| over the training window's in-sample one-step naive MAE (NaN when that MAE is zero).
/// </summary>
internal static class OriginErrors
{
    /// <param name="y">The whole series; the training window is y[..trainLength], the test y[trainLength..trainLength + h).</param>
    /// <param name="trainLength">Observations the forecast was fitted on.</param>
    /// <param name="point">Point forecasts for the h test years.</param>
    /// <param name="h">Years scored.</param>
    public static (double Smape, double Mase) Of(double[] y, int trainLength, double[] point, int h)
    {
        double naiveMae = 0.0;
        for (int t = 1; t < trainLength; t++)
        {
            naiveMae += Math.Abs(y[t] - y[t - 1]);
        }
        naiveMae /= trainLength - 1;
        double s = 0.0;
        double absolute = 0.0;
        for (int j = 0; j < h; j++)
        {
            double actual = y[trainLength + j];
            double f = point[j];
            double denominator = Math.Abs(actual) + Math.Abs(f);
            s += denominator == 0.0 ? 0.0 : Math.Abs(actual - f) / denominator;
            absolute += Math.Abs(actual - f);
        }
        return (200.0 / h * s, naiveMae == 0.0 ? double.NaN : absolute / h / naiveMae);
    }
}
