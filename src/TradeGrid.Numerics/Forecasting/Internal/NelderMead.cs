using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// R's Nelder–Mead minimiser, nmmin in src/appl/optim.c (used by optim(method = "Nelder-Mead") and by
/// forecast's etsNelderMead), ported step for step: the same initial simplex (step = 0.1·max|x_i|), the same
/// reflection/extension/contraction/shrink sequence and the same convergence test on the simplex's function
/// values. MathNet's NelderMeadSimplex converges to a different point inside the tolerance, which would move
/// ETS estimates by more than the 1e-4 the forecasts must match R to; a faithful port lands where R lands.
/// </summary>
internal static class NelderMead
{
    /// <summary>What nmmin substitutes for a non-finite function value.</summary>
    private const double Big = 1.0e35;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Minimum, double Value, int Evaluations) Minimize(
        Func<double[], double> objective, double[] start, double absoluteTolerance, double relativeTolerance,
        double alpha = 1.0, double beta = 0.5, double gamma = 2.0, int maxIterations = 2000)
    {
        int n = start.Length;
        double[] bvec = (double[])start.Clone();
        double f = objective(bvec);
        if (!double.IsFinite(f))
        {
            throw new ArgumentException("The objective cannot be evaluated at the initial parameters.", nameof(start));
        }
        int funcount = 1;
        double convtol = relativeTolerance * (Math.Abs(f) + relativeTolerance);
        int n1 = n + 1;
        int c = n + 2;
        // p[i][j]: rows 0..n−1 hold coordinates, row n holds function values; column c−1 is the centroid.
        var p = new double[n1][];
        for (int i = 0; i < n1; i++)
        {
            p[i] = new double[n + 2];
        }
        p[n1 - 1][0] = f;
        for (int i = 0; i < n; i++)
        {
            p[i][0] = bvec[i];
        }

        int l = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++)
        {
            if (0.1 * Math.Abs(bvec[i]) > step)
            {
                step = 0.1 * Math.Abs(bvec[i]);
            }
        }
        if (step == 0.0)
        {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++)
        {
            for (int i = 0; i < n; i++)
            {
                p[i][j - 1] = bvec[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == bvec[j - 2])
            {
                p[j - 2][j - 1] = bvec[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        bool calcvert = true;
        do
        {
            if (calcvert)
            {
                for (int j = 0; j < n1; j++)
                {
                    if (j + 1 != l)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            bvec[i] = p[i][j];
                        }
                        f = Finite(objective(bvec));
                        funcount++;
                        p[n1 - 1][j] = f;
                    }
                }
                calcvert = false;
            }

            double vl = p[n1 - 1][l - 1];
            double vh = vl;
            int h = l;
            for (int j = 1; j <= n1; j++)
            {
                if (j != l)
                {
                    f = p[n1 - 1][j - 1];
                    if (f < vl)
                    {
                        l = j;
                        vl = f;
                    }
                    if (f > vh)
                    {
                        h = j;
                        vh = f;
                    }
                }
            }

            if (vh <= vl + convtol || vl <= absoluteTolerance)
            {
                break;
            }

            for (int i = 0; i < n; i++)
            {
                double temp = -p[i][h - 1];
                for (int j = 0; j < n1; j++)
                {
                    temp += p[i][j];
                }
                p[i][c - 1] = temp / n;
            }
            for (int i = 0; i < n; i++)
            {
                bvec[i] = (1.0 + alpha) * p[i][c - 1] - alpha * p[i][h - 1];
            }
            f = Finite(objective(bvec));
            funcount++;
            double vr = f;
            if (vr < vl)
            {
                p[n1 - 1][c - 1] = f;
                for (int i = 0; i < n; i++)
                {
                    f = gamma * bvec[i] + (1 - gamma) * p[i][c - 1];
                    p[i][c - 1] = bvec[i];
                    bvec[i] = f;
                }
                f = Finite(objective(bvec));
                funcount++;
                if (f < vr)
                {
                    for (int i = 0; i < n; i++)
                    {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = f;
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        p[i][h - 1] = p[i][c - 1];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
            }
            else
            {
                if (vr < vh)
                {
                    for (int i = 0; i < n; i++)
                    {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
                for (int i = 0; i < n; i++)
                {
                    bvec[i] = (1 - beta) * p[i][h - 1] + beta * p[i][c - 1];
                }
                f = Finite(objective(bvec));
                funcount++;
                if (f < p[n1 - 1][h - 1])
                {
                    for (int i = 0; i < n; i++)
                    {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = f;
                }
                else if (vr >= vh)
                {
                    calcvert = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++)
                    {
                        if (j + 1 != l)
                        {
                            for (int i = 0; i < n; i++)
                            {
                                p[i][j] = beta * (p[i][j] - p[i][l - 1]) + p[i][l - 1];
                                size += Math.Abs(p[i][j] - p[i][l - 1]);
                            }
                        }
                    }
                    if (size < oldsize)
                    {
                        oldsize = size;
                    }
                    else
                    {
                        // "Polytope size measure not decreased in shrink": R stops with fail = 10.
                        break;
                    }
                }
            }
        }
        while (funcount <= maxIterations);

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = p[i][l - 1];
        }
        return (x, p[n1 - 1][l - 1], funcount);
    }

    private static double Finite(double f) => double.IsFinite(f) ? f : Big;
}
