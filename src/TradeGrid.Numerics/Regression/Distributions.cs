using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Tail probabilities and quantiles computed so that small p-values keep their relative accuracy:
/// the t tail is I_{ν/(ν+t²)}(ν/2, 1/2) directly, never 1 − CDF (R's pt(lower.tail = FALSE) does the same).
/// </summary>
internal static class Distributions
{
    /// <summary>Two-sided p-value of t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTwoSided(double t, double df)
    {
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(df))
        {
            return NormalTwoSided(t);
        }

        double square = t * t;
        return UpperBeta(df / 2.0, 0.5, df / (df + square), square / (df + square));
    }

    /// <summary>Two-sided p-value of a standard normal z: erfc(|z|/√2).</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>Upper tail of F(d1, d2) at f: I_{d2/(d2+d1 f)}(d2/2, d1/2).</summary>
    public static double FUpper(double f, double d1, double d2)
    {
        if (double.IsNaN(f) || f < 0.0)
        {
            return double.NaN;
        }

        return UpperBeta(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f), d1 * f / (d2 + d1 * f));
    }

    /// <summary>
    /// I_x(a, b) given both x and y = 1 − x, each computed without cancellation. Where the continued fraction
    /// needs the reflection I_x(a, b) = 1 − I_y(b, a), it gets the accurate y instead of forming 1 − x from a rounded
    /// x (for t = 0.01 on 1e5 df, 1 − x ≈ 1e-9 would carry a 1e-7 relative error into p).
    /// </summary>
    private static double UpperBeta(double a, double b, double x, double y) =>
        x < (a + 1.0) / (a + b + 2.0)
            ? SpecialFunctions.BetaRegularized(a, b, x)
            : 1.0 - SpecialFunctions.BetaRegularized(b, a, y);

    /// <summary>The last critical value asked (level, df, q): every economy's prediction of a fit asks the same one.</summary>
    private static Tuple<double, double, double>? _lastCritical;

    /// <summary>The t quantile q with P(|T| ≤ q) = level, by Newton from the normal quantile (the last one is kept).</summary>
    public static double StudentCritical(double level, double df)
    {
        if (_lastCritical is { } last && last.Item1 == level && last.Item2 == df)
        {
            return last.Item3;
        }

        double critical = SolveStudentCritical(level, df);
        _lastCritical = Tuple.Create(level, df, critical);
        return critical;
    }

    private static double SolveStudentCritical(double level, double df)
    {
        double alpha = 1.0 - level;
        double q = Normal.InvCDF(0.0, 1.0, 1.0 - alpha / 2.0);
        if (double.IsPositiveInfinity(df))
        {
            return q;
        }

        // The two-sided tail p(t) is convex and decreasing on t > 0, and the normal quantile lies left of the
        // t quantile, so Newton's iterates rise monotonically to the root.
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double f = StudentTwoSided(q, df) - alpha;
            double density = Math.Exp(SpecialFunctions.GammaLn((df + 1.0) / 2.0) - SpecialFunctions.GammaLn(df / 2.0)
                - 0.5 * Math.Log(df * Math.PI) - (df + 1.0) / 2.0 * Math.Log(1.0 + q * q / df));
            double step = f / (2.0 * density);
            q += step;
            if (Math.Abs(step) <= 1e-15 * q)
            {
                break;
            }
        }

        return q;
    }
}
