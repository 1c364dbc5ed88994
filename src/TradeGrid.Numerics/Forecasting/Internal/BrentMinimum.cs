namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// Brent's one-dimensional minimiser without derivatives, step for step as R's <c>optimize</c> (Brent_fmin in R's
/// stats package: golden section and parabolic interpolation, stopping when |x − m| ≤ 2·tol₁ − (b − a)/2 with
/// tol₁ = √ε·|x| + tol/3), so that a method estimated with optimize in R lands on R's point.
/// </summary>
internal static class BrentMinimum
{
    /// <summary>R's default tolerance: .Machine$double.eps^0.25.</summary>
    public static readonly double DefaultTolerance = Math.Pow(2.220446049250313e-16, 0.25);

    public static double Minimize(Func<double, double> f, double lower, double upper, double tolerance)
    {
        double c = (3.0 - Math.Sqrt(5.0)) * 0.5;
        double eps = Math.Sqrt(2.220446049250313e-16);
        double a = lower, b = upper;
        double v = a + c * (b - a), w = v, x = v;
        double d = 0.0, e = 0.0;
        double fx = f(x), fv = fx, fw = fx;
        double tol3 = tolerance / 3.0;
        for (; ; )
        {
            double xm = (a + b) * 0.5;
            double tol1 = eps * Math.Abs(x) + tol3;
            double t2 = tol1 * 2.0;
            if (Math.Abs(x - xm) <= t2 - (b - a) * 0.5)
            {
                break;
            }

            double p = 0.0, q = 0.0, r = 0.0;
            if (Math.Abs(e) > tol1)
            {
                r = (x - w) * (fx - fv);
                q = (x - v) * (fx - fw);
                p = (x - v) * q - (x - w) * r;
                q = (q - r) * 2.0;
                if (q > 0.0)
                {
                    p = -p;
                }
                else
                {
                    q = -q;
                }

                r = e;
                e = d;
            }

            double u;
            if (Math.Abs(p) >= Math.Abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x))
            {
                e = x < xm ? b - x : a - x;
                d = c * e;
            }
            else
            {
                d = p / q;
                u = x + d;
                if (u - a < t2 || b - u < t2)
                {
                    d = x >= xm ? -tol1 : tol1;
                }
            }

            u = Math.Abs(d) >= tol1 ? x + d : d > 0.0 ? x + tol1 : x - tol1;
            double fu = f(u);
            BrentUpdate.Accept(u, fu, ref a, ref b, ref v, ref w, ref x, ref fv, ref fw, ref fx);
        }

        return x;
    }
}
