namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// The λ R's <c>smooth.spline(1:n, y)</c> chooses (stats, R 4.2: cv = FALSE, no weights, default control.spar): GCV
/// minimised over spar in [−1.5, 1.5] by sbart's golden-section and parabolic search (tol 1e-4, eps 2e-8, at most
/// 500 steps), λ = r·256^(3·spar − 1) with r = tr(X'X)/tr(Σ) over the inner basis functions. As R, the λ returned is
/// the one of the last spar evaluated, which the search's final point may differ from by its tolerance.
/// </summary>
internal static class SmoothingSplineGcv
{
    private const double Golden = 0.381966011250105151795413165634;
    private const double Lower = -1.5;
    private const double Upper = 1.5;
    private const double Tolerance = 1e-4;
    private const double Eps = 2e-8;
    private const int MaxIterations = 500;
    private const double Big = 1e100;

    /// <summary>The GCV criterion at a given spar, for checks against R's crit.</summary>
    public static double CriterionAt(double[] y, double spar)
    {
        (SmoothingSplineBasis basis, double[] xty, double ratio) = Setup(y);
        return SmoothingSplineFit.Criterion(basis, y, xty, ratio * Math.Pow(16.0, spar * 6.0 - 2.0));
    }

    public static SmoothingSplineChoice Choose(double[] y)
    {
        (SmoothingSplineBasis basis, double[] xty, double ratio) = Setup(y);
        double lastLambda = 0.0;
        double Evaluate(double spar)
        {
            lastLambda = ratio * Math.Pow(16.0, spar * 6.0 - 2.0);
            return SmoothingSplineFit.Criterion(basis, y, xty, lastLambda);
        }

        (double x, double fx, bool failed) = Search(Evaluate);
        return new SmoothingSplineChoice(lastLambda, x, fx, failed);
    }

    /// <summary>The basis, X'y and r = tr(X'X)/tr(Σ) over the inner basis functions (sbart's ratio).</summary>
    private static (SmoothingSplineBasis Basis, double[] Xty, double Ratio) Setup(double[] y)
    {
        int n = y.Length;
        if (n < 4)
        {
            throw new ArgumentException("A smoothing spline needs at least four points.", nameof(y));
        }

        SmoothingSplineBasis basis = SmoothingSplineBasis.ForEquallySpaced(n);
        double[] xty = new double[basis.Count];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < 4; p++)
            {
                xty[basis.Left[i] + p] += basis.Values[i, p] * y[i];
            }
        }

        double t1 = 0.0, t2 = 0.0;
        for (int j = 2; j < basis.Count - 3; j++)
        {
            t1 += basis.CrossProduct[0][j];
            t2 += basis.Gram[0][j];
        }

        return (basis, xty, t1 / t2);
    }

    /// <summary>
    /// sbart's Forsythe–Malcolm–Moler minimiser, step for step; stops after a fit that fails (f is NaN), as R's loop
    /// on ier, and says whether the last one did.
    /// </summary>
    private static (double X, double Fx, bool Failed) Search(Func<double, double> f)
    {
        double a = Lower, b = Upper;
        double v = a + Golden * (b - a), w = v, x = v;
        double d = 0.0, e = 0.0;
        double fx = f(x), fv = fx, fw = fx;
        bool failed = double.IsNaN(fx);
        for (int iteration = 1; !failed; iteration++)
        {
            double xm = (a + b) * 0.5;
            double tol1 = Eps * Math.Abs(x) + Tolerance / 3.0;
            double tol2 = tol1 * 2.0;
            if (Math.Abs(x - xm) <= tol2 - (b - a) * 0.5 || iteration > MaxIterations)
            {
                break;
            }

            bool golden = Math.Abs(e) <= tol1 || fx >= Big || fv >= Big || fw >= Big;
            if (!golden)
            {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = (q - r) * 2.0;
                if (q > 0.0)
                {
                    p = -p;
                }

                q = Math.Abs(q);
                r = e;
                e = d;
                if (Math.Abs(p) >= Math.Abs(0.5 * q * r) || q == 0.0 || p <= q * (a - x) || p >= q * (b - x))
                {
                    golden = true;
                }
                else
                {
                    d = p / q;
                    double trial = x + d;
                    if (trial - a < tol2 || b - trial < tol2)
                    {
                        d = xm - x >= 0.0 ? tol1 : -tol1;
                    }
                }
            }

            if (golden)
            {
                e = x >= xm ? a - x : b - x;
                d = Golden * e;
            }

            double u = x + (Math.Abs(d) >= tol1 ? d : d >= 0.0 ? tol1 : -tol1);
            double fu = f(u);
            failed = double.IsNaN(fu);
            if (!double.IsFinite(fu))
            {
                fu = 2.0 * Big;
            }

            BrentUpdate.Accept(u, fu, ref a, ref b, ref v, ref w, ref x, ref fv, ref fw, ref fx);
        }

        return (x, fx, failed);
    }
}
