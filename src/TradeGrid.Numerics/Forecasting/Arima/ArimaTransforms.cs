using System.Numerics;
using System.Runtime.CompilerServices;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// stats::arima's parameter transformations (src/library/stats/src/arima.c): AR coefficients are optimised
/// as atanh of partial autocorrelations (partrans / invpartrans, Durbin–Levinson), which keeps the AR part
/// stationary; MA polynomials are reflected into invertibility by maInvert; Gradtrans is the Jacobian
/// R uses for the coefficient covariance.
/// </summary>
internal static class ArimaTransforms
{
    /// <summary>partrans: tanh, then Durbin–Levinson from PACF to AR coefficients.</summary>
    public static double[] ToAr(ReadOnlySpan<double> raw)
    {
        var result = new double[raw.Length];
        ToAr(raw, result);
        return result;
    }

    /// <summary>partrans into a caller's buffer (the likelihood calls it on every evaluation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ToAr(ReadOnlySpan<double> raw, Span<double> result)
    {
        int p = raw.Length;
        Span<double> work = stackalloc double[p];
        for (int j = 0; j < p; j++)
        {
            work[j] = result[j] = Math.Tanh(raw[j]);
        }
        for (int j = 1; j < p; j++)
        {
            double a = result[j];
            for (int k = 0; k < j; k++)
            {
                work[k] -= a * result[j - k - 1];
            }
            for (int k = 0; k < j; k++)
            {
                result[k] = work[k];
            }
        }
    }

    /// <summary>invpartrans: AR coefficients back to atanh(PACF).</summary>
    public static double[] FromAr(ReadOnlySpan<double> phi)
    {
        int p = phi.Length;
        var work = new double[p];
        var result = new double[p];
        for (int j = 0; j < p; j++)
        {
            work[j] = result[j] = phi[j];
        }
        for (int j = p - 1; j > 0; j--)
        {
            double a = result[j];
            for (int k = 0; k < j; k++)
            {
                work[k] = (result[k] + a * result[j - k - 1]) / (1 - a * a);
            }
            for (int k = 0; k < j; k++)
            {
                result[k] = work[k];
            }
        }
        for (int j = 0; j < p; j++)
        {
            result[j] = Math.Atanh(result[j]);
        }
        return result;
    }

    /// <summary>Jacobian of the AR transformation by forward differences with eps = 1e-3 (ARIMA_Gradtrans).</summary>
    public static double[,] Jacobian(double[] coef, int p)
    {
        const double eps = 1e-3;
        int n = coef.Length;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 1.0;
        }
        if (p > 0)
        {
            double[] w1 = coef[..p];
            double[] w2 = ToAr(w1);
            for (int i = 0; i < p; i++)
            {
                w1[i] += eps;
                double[] w3 = ToAr(w1);
                for (int j = 0; j < p; j++)
                {
                    a[i, j] = (w3[j] - w2[j]) / eps;
                }
                w1[i] -= eps;
            }
        }
        return a;
    }

    /// <summary>arima's arCheck: all roots of 1 − φ₁z − … − φ_p z^p outside the unit circle.</summary>
    public static bool IsStationary(ReadOnlySpan<double> ar)
    {
        int p = ar.Length;
        while (p > 0 && ar[p - 1] == 0.0)
        {
            p--;
        }
        if (p == 0)
        {
            return true;
        }
        var poly = new double[p + 1];
        poly[0] = 1.0;
        for (int i = 0; i < p; i++)
        {
            poly[i + 1] = -ar[i];
        }
        return PolynomialRoots.Find(poly).All(r => r.Magnitude > 1.0);
    }

    /// <summary>arima's maInvert: roots of 1 + θ₁z + … inside the unit circle are replaced by their inverses.</summary>
    public static double[] InvertMa(double[] ma)
    {
        int q = ma.Length;
        int q0 = q;
        while (q0 > 0 && ma[q0 - 1] == 0.0)
        {
            q0--;
        }
        if (q0 == 0)
        {
            return ma;
        }
        var poly = new double[q0 + 1];
        poly[0] = 1.0;
        Array.Copy(ma, 0, poly, 1, q0);
        Complex[] roots = PolynomialRoots.Find(poly);
        if (roots.All(r => r.Magnitude >= 1.0))
        {
            return ma;
        }
        var result = new double[q];
        if (q0 == 1)
        {
            result[0] = 1.0 / ma[0];
            return result;
        }
        for (int i = 0; i < roots.Length; i++)
        {
            if (roots[i].Magnitude < 1.0)
            {
                roots[i] = 1.0 / roots[i];
            }
        }
        // x <- 1; for (r in roots) x <- c(x, 0) − c(0, x)/r
        var x = new List<Complex> { Complex.One };
        foreach (Complex root in roots)
        {
            var next = new List<Complex>(x.Count + 1);
            for (int i = 0; i <= x.Count; i++)
            {
                Complex left = i < x.Count ? x[i] : Complex.Zero;
                Complex right = i > 0 ? x[i - 1] : Complex.Zero;
                next.Add(left - right / root);
            }
            x = next;
        }
        for (int i = 0; i < q0; i++)
        {
            result[i] = x[i + 1].Real;
        }
        return result;
    }
}
