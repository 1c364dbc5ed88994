namespace TradeGrid.Numerics.Regression;

/// <summary>Substitution with an r×r upper-triangular row-major R: backward stable, never an explicit inverse product.</summary>
internal static class Triangular
{
    /// <summary>Solves R'u = s in place (forward substitution).</summary>
    public static void SolveTransposed(double[] r, int n, Span<double> s)
    {
        for (int i = 0; i < n; i++)
        {
            double v = s[i];
            for (int j = 0; j < i; j++)
            {
                v -= r[j * n + i] * s[j];
            }

            s[i] = v / r[i * n + i];
        }
    }

    /// <summary>Solves R z = s in place (back substitution).</summary>
    public static void Solve(double[] r, int n, Span<double> s)
    {
        for (int i = n - 1; i >= 0; i--)
        {
            double v = s[i];
            for (int j = i + 1; j < n; j++)
            {
                v -= r[i * n + j] * s[j];
            }

            s[i] = v / r[i * n + i];
        }
    }

    /// <summary>R⁻¹ M R⁻ᵀ for symmetric M (n×n row-major), by two sweeps of back substitution.</summary>
    public static double[] Congruence(double[] r, int n, double[] m)
    {
        // Z = R⁻¹M column by column; then V = R⁻¹Zᵀ column by column (Zᵀ = M R⁻ᵀ since M is symmetric).
        var z = new double[n * n];
        var column = new double[n];
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = m[i * n + c];
            }

            Solve(r, n, column);
            for (int i = 0; i < n; i++)
            {
                z[i * n + c] = column[i];
            }
        }

        var v = new double[n * n];
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = z[c * n + i];
            }

            Solve(r, n, column);
            for (int i = 0; i < n; i++)
            {
                v[i * n + c] = column[i];
            }
        }

        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                double mean = 0.5 * (v[a * n + b] + v[b * n + a]);
                v[a * n + b] = mean;
                v[b * n + a] = mean;
            }
        }

        return v;
    }
}
