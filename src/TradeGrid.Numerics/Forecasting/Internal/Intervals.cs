using MathNet.Numerics.Distributions;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>Symmetric Gaussian prediction intervals, as forecast's methods build them: mean ± z·se.</summary>
internal static class Intervals
{
    /// <summary>z for a central level in percent: qnorm(0.5 + level/200).</summary>
    public static double NormalQuantile(double level) => Normal.InvCDF(0.0, 1.0, 0.5 + level / 200.0);

    public static (double[][] Lower, double[][] Upper) Gaussian(double[] mean, double[] standardErrors, double[] levels)
    {
        var lower = new double[levels.Length][];
        var upper = new double[levels.Length][];
        for (int i = 0; i < levels.Length; i++)
        {
            double z = NormalQuantile(levels[i]);
            lower[i] = new double[mean.Length];
            upper[i] = new double[mean.Length];
            for (int j = 0; j < mean.Length; j++)
            {
                lower[i][j] = mean[j] - z * standardErrors[j];
                upper[i][j] = mean[j] + z * standardErrors[j];
            }
        }
        return (lower, upper);
    }

    /// <summary>Applies exp to every bound: quantiles survive a monotone back-transform.</summary>
    public static double[][] Exp(double[][] bounds) => bounds.Select(row => row.Select(Math.Exp).ToArray()).ToArray();
}
