using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One IRLS step's pass over a chunk of entities (<see cref="GroupedRows"/>): μ at θ with the entity effects
/// concentrated, the deviance, and the step's <see cref="NewtonSystem"/>. From the start (θ null) the right-hand side is
/// X̃'W z̃ with glm's working variable z = log μ₀ + (y − μ₀)/μ₀, so the solve gives θ itself; afterwards it is the score
/// X̃'(y − μ) and the solve gives the change of θ. Both are the weighted least-squares step of IRLS (for the canonical
/// link, X̃'Wz̃ = X̃'WX̃θ + X̃'(y − μ)); solving for the change keeps the fixed point X̃'(y − μ) = 0 as exact as the
/// scores, whatever the conditioning of M.
/// </summary>
internal static class NewtonStep
{
    /// <summary>The step's system over chunk <paramref name="chunk"/>; μ and the entities' moments go to <paramref name="keep"/> when given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NewtonSystem Chunk(GroupedRows rows, double[]? theta, int chunk, GroupMoments? keep = null)
    {
        int k = rows.K;
        int q = rows.Q;
        var system = new NewtonSystem(q, k);
        int largest = rows.LargestGroup;
        var eta = new double[largest];
        var mu = new double[largest];
        var r = new double[largest];
        var inYearWeight = new double[largest];
        var yearOffset = new int[largest];
        var yearRows = new int[largest];
        var mask = new double[k];
        var lower = new double[q * q];
        var mean = new double[k];
        var varies = new bool[k];
        var v = new double[k];
        // Local accumulators: the arrays of the system are written once per chunk, not once per row.
        var slopes = new double[k * k];
        var slopeRhs = new double[k];
        double[] cross = system.Cross;
        double[] yearWeight = system.YearWeight;
        double[] yearRhs = system.YearRhs;
        double[] coupling = system.YearCoupling;
        ReadOnlySpan<double> x = rows.X;
        ReadOnlySpan<double> y = rows.Y;
        ReadOnlySpan<double> logY = rows.LogY;
        ReadOnlySpan<int> dummy = rows.Dummy;
        double deviance = 0.0;
        for (int g = rows.Chunks[chunk]; g < rows.Chunks[chunk + 1]; g++)
        {
            int first = rows.Start[g];
            int m = rows.Start[g + 1] - first;
            double offset = 0.0;
            if (theta is null)
            {
                rows.StartingMean(g, eta, mu);
            }
            else
            {
                offset = rows.Mean(g, theta, eta, mu);
            }

            double total = 0.0;
            Array.Clear(mean);
            Array.Clear(varies);
            ReadOnlySpan<double> firstRow = x.Slice(first * k, k);
            for (int a = 0; a < m; a++)
            {
                int i = first + a;
                double w = mu[a];
                total += w;
                // Deviance 2[y(log y − log μ) − (y − μ)], log μ = η + offset: no logarithm per row.
                deviance += y[i] > 0.0 ? 2.0 * (y[i] * (logY[i] - eta[a] - offset) - (y[i] - w)) : 2.0 * w;
                ReadOnlySpan<double> row = x.Slice(i * k, k);
                for (int j = 0; j < row.Length; j++)
                {
                    mean[j] += w * row[j];
                    varies[j] |= row[j] != firstRow[j];
                }
            }

            for (int j = 0; j < k; j++)
            {
                mean[j] /= total;
            }

            if (keep is not null)
            {
                mu.AsSpan(0, m).CopyTo(keep.Mu.AsSpan(first));
                keep.Weight[g] = total;
                mean.CopyTo(keep.Mean, g * k);
                varies.CopyTo(keep.Varies, g * k);
            }

            Residuals(rows, theta is null, first, m, eta, mu, total, r);
            // The entity's rows in dummy years, compacted: their weights' products make Σ_g c_g c_g'/W_g.
            int inYears = 0;
            for (int a = 0; a < m; a++)
            {
                int t = dummy[first + a];
                if (t >= 0)
                {
                    yearOffset[inYears] = t * q;
                    yearRows[inYears] = t;
                    inYearWeight[inYears++] = mu[a];
                }
            }

            for (int j = 0; j < k; j++)
            {
                mask[j] = varies[j] ? 1.0 : 0.0;
            }

            for (int a = 0; a < m; a++)
            {
                int i = first + a;
                double w = mu[a];
                double ra = r[a];
                int t = dummy[i];
                Accumulate(x.Slice(i * k, k), mean, mask, v, w, ra, slopes, slopeRhs, t < 0 ? default : cross.AsSpan(t * k, k));
                if (t >= 0)
                {
                    yearWeight[t] += w;
                    yearRhs[t] += ra;
                }
            }

            // Each unordered pair of rows once (the pair with itself at half weight); the chunk adds the transpose at the end.
            for (int a = 0; a < inYears; a++)
            {
                double wa = inYearWeight[a] / total;
                int o = yearOffset[a];
                for (int b = 0; b < a; b++)
                {
                    lower[o + yearRows[b]] += wa * inYearWeight[b];
                }

                lower[o + yearRows[a]] += 0.5 * wa * inYearWeight[a];
            }
        }

        for (int a = 0; a < q; a++)
        {
            for (int b = 0; b < q; b++)
            {
                coupling[a * q + b] = lower[a * q + b] + lower[b * q + a];
            }
        }

        slopes.CopyTo(system.Slopes, 0);
        slopeRhs.CopyTo(system.SlopeRhs, 0);
        system.Deviance = deviance;
        return system;
    }

    /// <summary>
    /// One row's share of the slope block, its right-hand side and its year's cross block: ṽ = (x − x̄_g)·mask, then
    /// Σ μṽṽ' (upper triangle), Σ ṽr and Σ μṽ. The innermost loop of every PPML iteration, on unchecked references
    /// (every index is below k or k², the lengths of the spans by construction).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(ReadOnlySpan<double> row, double[] mean, double[] mask, double[] v, double w, double r, double[] slopes, double[] slopeRhs, Span<double> cross)
    {
        int k = row.Length;
        ref double vRef = ref MemoryMarshal.GetArrayDataReference(v);
        ref double meanRef = ref MemoryMarshal.GetArrayDataReference(mean);
        ref double maskRef = ref MemoryMarshal.GetArrayDataReference(mask);
        ref double rowRef = ref MemoryMarshal.GetReference(row);
        ref double slopesRef = ref MemoryMarshal.GetArrayDataReference(slopes);
        ref double rhsRef = ref MemoryMarshal.GetArrayDataReference(slopeRhs);
        for (int j = 0; j < k; j++)
        {
            Unsafe.Add(ref vRef, j) = (Unsafe.Add(ref rowRef, j) - Unsafe.Add(ref meanRef, j)) * Unsafe.Add(ref maskRef, j);
        }

        for (int j = 0; j < k; j++)
        {
            double vj = Unsafe.Add(ref vRef, j);
            double wv = w * vj;
            ref double target = ref Unsafe.Add(ref slopesRef, j * k);
            for (int l = j; l < k; l++)
            {
                Unsafe.Add(ref target, l) += wv * Unsafe.Add(ref vRef, l);
            }

            Unsafe.Add(ref rhsRef, j) += vj * r;
        }

        if (cross.IsEmpty)
        {
            return;
        }

        ref double crossRef = ref MemoryMarshal.GetReference(cross);
        for (int j = 0; j < k; j++)
        {
            Unsafe.Add(ref crossRef, j) += w * Unsafe.Add(ref vRef, j);
        }
    }

    /// <summary>rᵢ = μᵢ(zᵢ − z̄_g) at the start, yᵢ − μᵢ afterwards (whose entity sum is zero once the effect is concentrated).</summary>
    private static void Residuals(GroupedRows rows, bool start, int first, int m, double[] eta, double[] mu, double total, double[] r)
    {
        if (!start)
        {
            for (int a = 0; a < m; a++)
            {
                r[a] = rows.Y[first + a] - mu[a];
            }

            return;
        }

        double zMean = 0.0;
        for (int a = 0; a < m; a++)
        {
            r[a] = eta[a] + (rows.Y[first + a] - mu[a]) / mu[a];
            zMean += mu[a] * r[a];
        }

        zMean /= total;
        for (int a = 0; a < m; a++)
        {
            r[a] = mu[a] * (r[a] - zMean);
        }
    }
}
