namespace TradeGrid.Bench.Forecast;

/// <summary>The holdout errors, as holdout.R computes them.</summary>
internal static class Accuracy
{
    /// <summary>sMAPE = 200/h · Σ |y − f| / (|y| + |f|), percent.</summary>
    public static double Smape(double[] y, double[] f)
    {
        double sum = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += Math.Abs(y[i] - f[i]) / (Math.Abs(y[i]) + Math.Abs(f[i]));
        }
        return 200.0 / y.Length * sum;
    }

    /// <summary>MASE: mean |y − f| over the in-sample one-step naive MAE of the training window.</summary>
    public static double Mase(double[] y, double[] f, double[] train)
    {
        double scale = 0.0;
        for (int t = 1; t < train.Length; t++)
        {
            scale += Math.Abs(train[t] - train[t - 1]);
        }
        scale /= train.Length - 1;
        double error = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            error += Math.Abs(y[i] - f[i]);
        }
        return error / y.Length / scale;
    }
}
