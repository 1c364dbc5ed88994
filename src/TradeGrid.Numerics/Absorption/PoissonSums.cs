namespace TradeGrid.Numerics.Absorption;

/// <summary>A PPML fit's sums over rows [from, to): the log-likelihood, Σy, Σμ, Σy², Σμ², Σyμ (for the pseudo R²).</summary>
internal static class PoissonSums
{
    public const int Count = 6;

    public static double[] Of(double[] y, double[] mu, int from, int to)
    {
        double l = 0.0, a = 0.0, b = 0.0, aa = 0.0, bb = 0.0, ab = 0.0;
        for (int i = from; i < to; i++)
        {
            double yi = y[i];
            double mi = mu[i];
            l += yi * Math.Log(mi) - mi - MathNet.Numerics.SpecialFunctions.GammaLn(yi + 1.0);
            a += yi;
            b += mi;
            aa += yi * yi;
            bb += mi * mi;
            ab += yi * mi;
        }

        return [l, a, b, aa, bb, ab];
    }
}
