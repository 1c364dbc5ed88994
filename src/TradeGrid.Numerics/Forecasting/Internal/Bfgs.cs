using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// R's optim(method = "BFGS") as stats::arima calls it: vmmin (src/appl/optim.c) on parameters divided by
/// parscale, with optim's central-difference gradient (ndeps = 1e-3 on the scaled parameters), maxit 100,
/// reltol sqrt(eps), and optimhess for the Hessian. Ported literally so that the optimiser stops where R's
/// does; MathNet's BfgsMinimizer uses another line search and stopping rule.
/// </summary>
internal static class Bfgs
{
    private const double StepReduction = 0.2;
    private const double AcceptTolerance = 0.0001;
    private const double RelativeTest = 10.0;
    private const double Ndeps = 1e-3;

    /// <summary>Minimises objective(par) from start; parameters are scaled by parscale as optim does.</summary>
    /// <param name="objective">The function minimised, at one point.</param>
    /// <param name="start">Starting point, unscaled.</param>
    /// <param name="parscale">optim's parscale.</param>
    /// <param name="maxIterations">optim's maxit.</param>
    /// <param name="batch">The same function at several points per call, for the gradients; null evaluates them one by one.</param>
    /// <returns>Unscaled minimum, its value, and whether vmmin converged within maxit.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Minimum, double Value, bool Converged) Minimize(
        Func<double[], double> objective, double[] start, double[] parscale, int maxIterations = 100, BatchObjective? batch = null)
    {
        int n = start.Length;
        // One buffer for every evaluation: the objectives read the parameters and keep no reference to them.
        var unscaled = new double[n];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Scaled(double[] x)
        {
            for (int i = 0; i < n; i++)
            {
                unscaled[i] = x[i] * parscale[i];
            }
            return objective(unscaled);
        }
        Func<double[], double[]> gradient = Differences(Scaled, batch, parscale);

        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = start[i] / parscale[i];
        }
        double reltol = Math.Sqrt(2.220446049250313e-16);
        if (maxIterations <= 0)
        {
            return (Unscale(b, parscale), Scaled(b), true);
        }

        var bMatrix = new double[n][];
        for (int i = 0; i < n; i++)
        {
            bMatrix[i] = new double[i + 1];
        }
        var t = new double[n];
        var x = new double[n];
        var c = new double[n];
        double f = Scaled(b);
        if (!double.IsFinite(f))
        {
            throw new ArithmeticException("initial value in 'vmmin' is not finite");
        }
        double fmin = f;
        int gradcount = 1;
        double[] g = gradient(b);
        int iter = 1;
        int ilast = gradcount;
        int count;
        do
        {
            if (ilast == gradcount)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        bMatrix[i][j] = 0.0;
                    }
                    bMatrix[i][i] = 1.0;
                }
            }
            for (int i = 0; i < n; i++)
            {
                x[i] = b[i];
                c[i] = g[i];
            }
            double gradproj = 0.0;
            for (int i = 0; i < n; i++)
            {
                double s = 0.0;
                for (int j = 0; j <= i; j++)
                {
                    s -= bMatrix[i][j] * g[j];
                }
                for (int j = i + 1; j < n; j++)
                {
                    s -= bMatrix[j][i] * g[j];
                }
                t[i] = s;
                gradproj += s * g[i];
            }

            if (gradproj < 0.0)
            {
                double steplength = 1.0;
                bool accpoint = false;
                do
                {
                    count = 0;
                    for (int i = 0; i < n; i++)
                    {
                        b[i] = x[i] + steplength * t[i];
                        if (RelativeTest + x[i] == RelativeTest + b[i])
                        {
                            count++;
                        }
                    }
                    if (count < n)
                    {
                        f = Scaled(b);
                        accpoint = double.IsFinite(f) && f <= fmin + gradproj * steplength * AcceptTolerance;
                        if (!accpoint)
                        {
                            steplength *= StepReduction;
                        }
                    }
                }
                while (!(count == n || accpoint));
                bool enough = f > double.NegativeInfinity && Math.Abs(f - fmin) > reltol * (Math.Abs(fmin) + reltol);
                if (!enough)
                {
                    count = n;
                    fmin = f;
                }
                if (count < n)
                {
                    fmin = f;
                    g = gradient(b);
                    gradcount++;
                    iter++;
                    double d1 = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0)
                    {
                        double d2 = 0.0;
                        for (int i = 0; i < n; i++)
                        {
                            double s = 0.0;
                            for (int j = 0; j <= i; j++)
                            {
                                s += bMatrix[i][j] * c[j];
                            }
                            for (int j = i + 1; j < n; j++)
                            {
                                s += bMatrix[j][i] * c[j];
                            }
                            x[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++)
                        {
                            for (int j = 0; j <= i; j++)
                            {
                                bMatrix[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                            }
                        }
                    }
                    else
                    {
                        ilast = gradcount;
                    }
                }
                else if (ilast < gradcount)
                {
                    count = 0;
                    ilast = gradcount;
                }
            }
            else
            {
                count = 0;
                if (ilast == gradcount)
                {
                    count = n;
                }
                else
                {
                    ilast = gradcount;
                }
            }
            if (iter >= maxIterations)
            {
                break;
            }
            if (gradcount - ilast > 2 * n)
            {
                ilast = gradcount;
            }
        }
        while (count != n || ilast != gradcount);
        // vmmin's R wrapper returns the last evaluated point b, with value Fmin.
        return (Unscale(b, parscale), fmin, iter < maxIterations);
    }

    /// <summary>optimhess: central differences of the numerical gradient, symmetrised, on the original scale.</summary>
    /// <param name="objective">The function, at one point.</param>
    /// <param name="par">Where the Hessian is taken, unscaled.</param>
    /// <param name="parscale">optim's parscale.</param>
    /// <param name="batch">The same function at several points per call; null evaluates them one by one.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[,] Hessian(Func<double[], double> objective, double[] par, double[] parscale, BatchObjective? batch = null)
    {
        int n = par.Length;
        // One buffer for every evaluation: the objectives read the parameters and keep no reference to them.
        var unscaled = new double[n];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Scaled(double[] x)
        {
            for (int i = 0; i < n; i++)
            {
                unscaled[i] = x[i] * parscale[i];
            }
            return objective(unscaled);
        }
        Func<double[], double[]> gradient = Differences(Scaled, batch, parscale);
        var dpar = new double[n];
        for (int i = 0; i < n; i++)
        {
            dpar[i] = par[i] / parscale[i];
        }
        var hessian = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            double eps = Ndeps / parscale[i];
            dpar[i] += eps;
            double[] df1 = gradient(dpar);
            dpar[i] -= 2 * eps;
            double[] df2 = gradient(dpar);
            for (int j = 0; j < n; j++)
            {
                hessian[i, j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
            }
            dpar[i] += eps;
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double tmp = 0.5 * (hessian[i, j] + hessian[j, i]);
                hessian[i, j] = tmp;
                hessian[j, i] = tmp;
            }
        }
        return hessian;
    }

    /// <summary>
    /// The gradient on the scaled parameters: <see cref="Gradient"/> with the single-point objective, or the same
    /// differences from one batch of the 2n points (unscaled as <paramref name="scaledObjective"/> unscales them).
    /// </summary>
    private static Func<double[], double[]> Differences(Func<double[], double> scaledObjective, BatchObjective? batch, double[] parscale)
    {
        if (batch is null)
        {
            return p => Gradient(scaledObjective, p);
        }
        int n = parscale.Length;
        double[][] points = Enumerable.Range(0, 2 * n).Select(_ => new double[n]).ToArray();
        var values = new double[2 * n];
        return p =>
        {
            for (int i = 0; i < n; i++)
            {
                for (int side = 0; side < 2; side++)
                {
                    double[] point = points[2 * i + side];
                    for (int j = 0; j < n; j++)
                    {
                        double scaled = j != i ? p[j] : side == 0 ? p[i] + Ndeps : p[i] - Ndeps;
                        point[j] = scaled * parscale[j];
                    }
                }
            }
            batch(points, 2 * n, values);
            var df = new double[n];
            for (int i = 0; i < n; i++)
            {
                df[i] = (values[2 * i] - values[2 * i + 1]) / (2 * Ndeps);
                if (!double.IsFinite(df[i]))
                {
                    throw new ArithmeticException($"non-finite finite-difference value [{i + 1}]");
                }
            }
            return df;
        };
    }

    /// <summary>optim's fmingr without an analytic gradient: (f(x + ε) − f(x − ε)) / 2ε per scaled coordinate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Gradient(Func<double[], double> scaledObjective, double[] p)
    {
        int n = p.Length;
        var df = new double[n];
        var x = (double[])p.Clone();
        for (int i = 0; i < n; i++)
        {
            x[i] = p[i] + Ndeps;
            double val1 = scaledObjective(x);
            x[i] = p[i] - Ndeps;
            double val2 = scaledObjective(x);
            df[i] = (val1 - val2) / (2 * Ndeps);
            if (!double.IsFinite(df[i]))
            {
                throw new ArithmeticException($"non-finite finite-difference value [{i + 1}]");
            }
            x[i] = p[i];
        }
        return df;
    }

    private static double[] Unscale(double[] b, double[] parscale) => b.Select((v, i) => v * parscale[i]).ToArray();
}
