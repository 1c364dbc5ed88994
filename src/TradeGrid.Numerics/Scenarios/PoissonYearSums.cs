namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// One economy's part of a round of <see cref="PoissonYearEffects"/>: per sample year, Σ y and Σ exp(x'b + α_i) over its
/// rows of a PPML fit, with its own effect α_i = ln(Σ y / Σ exp(x'b + λ_t)) at the round's year effects λ (economy and
/// year effects; <see cref="EconomyEffect.Poisson(double[,], ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>)
/// or α_i = 0 (year effects alone). An economy whose dependent is 0 in every row has α_i = −∞ (the fit drops it as
/// separated): it adds its Σ y = 0 and nothing to Σ exp.
/// </summary>
/// <param name="SumY">Σ y per sample year.</param>
/// <param name="SumMu">Σ exp(x'b + α_i) per sample year.</param>
public sealed record PoissonYearSums(double[] SumY, double[] SumMu)
{
    /// <summary>The economy's sums; <paramref name="years"/> are the fit's sorted sample years and <paramref name="lambda"/> λ for each (ignored without entity effects).</summary>
    public static PoissonYearSums Of(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<int> rowYears, ReadOnlySpan<double> beta, int[] years,
        ReadOnlySpan<double> lambda, bool entityEffects)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(years);
        int n = y.Length;
        if (x.GetLength(0) != n || rowYears.Length != n || x.GetLength(1) != beta.Length)
        {
            throw new ArgumentException($"{x.GetLength(0)}×{x.GetLength(1)} rows, {n} values, {rowYears.Length} years and {beta.Length} slopes do not match.", nameof(x));
        }

        if (entityEffects && lambda.Length != years.Length)
        {
            throw new ArgumentException($"{lambda.Length} year effects for {years.Length} sample years.", nameof(lambda));
        }

        var index = new int[n];
        var offsets = new double[n];
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            index[i] = Array.BinarySearch(years, rowYears[i]);
            if (index[i] < 0)
            {
                throw new ArgumentException($"Row {i}'s year {rowYears[i]} is not among the sample years.", nameof(rowYears));
            }

            offsets[i] = entityEffects ? lambda[index[i]] : 0.0;
            total += y[i];
        }

        var sumY = new double[years.Length];
        var sumMu = new double[years.Length];
        if (entityEffects && total == 0.0)
        {
            return new PoissonYearSums(sumY, sumMu);
        }

        double alpha = entityEffects ? EconomyEffect.Poisson(x, y, beta, offsets) : 0.0;
        for (int i = 0; i < n; i++)
        {
            double eta = alpha;
            for (int j = 0; j < beta.Length; j++)
            {
                eta += x[i, j] * beta[j];
            }

            sumY[index[i]] += y[i];
            sumMu[index[i]] += Math.Exp(eta);
        }

        return new PoissonYearSums(sumY, sumMu);
    }

    /// <summary>The sample's sums: the parts added year by year in the order given (the economies' order, so any host adds alike).</summary>
    public static PoissonYearSums Sum(IReadOnlyList<PoissonYearSums> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("No economy sent its sums.", nameof(parts));
        }

        int t = parts[0].SumY.Length;
        var sumY = new double[t];
        var sumMu = new double[t];
        foreach (PoissonYearSums part in parts)
        {
            if (part.SumY.Length != t || part.SumMu.Length != t)
            {
                throw new ArgumentException($"A part has {part.SumY.Length} years, the first {t}.", nameof(parts));
            }

            for (int s = 0; s < t; s++)
            {
                sumY[s] += part.SumY[s];
                sumMu[s] += part.SumMu[s];
            }
        }

        return new PoissonYearSums(sumY, sumMu);
    }
}
