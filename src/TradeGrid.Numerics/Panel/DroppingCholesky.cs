namespace TradeGrid.Numerics.Panel;

/// <summary>
/// Solves S·Γ = B for a small positive semi-definite S (the demeaned year dummies' cross products) by Cholesky in the
/// columns' order, dropping a column whose pivot shows it within <c>tolerance</c> of the earlier kept columns' span:
/// L_jj² ≤ tolerance²·S_jj is |R_jj| ≤ tolerance·‖d_j‖ of the QR that would hold the dummies as leading columns, the
/// rule <see cref="Regression.LeastSquares"/> applies. A dropped column's coefficients are zero.
/// </summary>
internal static class DroppingCholesky
{
    /// <summary><paramref name="s"/> is q×q and <paramref name="b"/> q×m, both row-major; returns Γ (q×m) and the columns kept.</summary>
    public static (double[] Gamma, int Retained) Solve(double[] s, int q, double[] b, int m, double tolerance)
    {
        var l = new double[q * q];
        var kept = new bool[q];
        int retained = 0;
        for (int j = 0; j < q; j++)
        {
            double d = s[j * q + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j * q + k] * l[j * q + k];
            }

            if (!(s[j * q + j] > 0.0) || d <= tolerance * tolerance * s[j * q + j])
            {
                continue;
            }

            kept[j] = true;
            retained++;
            double pivot = Math.Sqrt(d);
            l[j * q + j] = pivot;
            for (int i = j + 1; i < q; i++)
            {
                double v = s[i * q + j];
                for (int k = 0; k < j; k++)
                {
                    v -= l[i * q + k] * l[j * q + k];
                }

                l[i * q + j] = v / pivot;
            }
        }

        var gamma = new double[q * m];
        var x = new double[q];
        for (int c = 0; c < m; c++)
        {
            for (int i = 0; i < q; i++)
            {
                if (!kept[i])
                {
                    x[i] = 0.0;
                    continue;
                }

                double v = b[i * m + c];
                for (int k = 0; k < i; k++)
                {
                    v -= l[i * q + k] * x[k];
                }

                x[i] = v / l[i * q + i];
            }

            for (int i = q - 1; i >= 0; i--)
            {
                if (!kept[i])
                {
                    continue;
                }

                double v = x[i];
                for (int k = i + 1; k < q; k++)
                {
                    v -= l[k * q + i] * x[k];
                }

                x[i] = v / l[i * q + i];
            }

            for (int i = 0; i < q; i++)
            {
                gamma[i * m + c] = x[i];
            }
        }

        return (gamma, retained);
    }
}
