using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A <see cref="PoissonBlock"/>'s kept rows copied once per fit in entity order (stable: an entity's rows keep their
/// order), slopes row-major, with the entities cut into chunks of whole entities for parallel passes. Every pass of
/// <see cref="NewtonPpml"/> then reads an entity's rows as one contiguous run while they are in cache: its effect,
/// weighted means and centred products need no second sweep over the sample.
/// </summary>
internal sealed class GroupedRows
{
    /// <summary>Rows per chunk of entities: a chunk's k + 1 columns stay in L2 while it is factored.</summary>
    private const int ChunkRows = 8192;

    private GroupedRows(int rows, int k, int q, int groups)
    {
        Rows = rows;
        K = k;
        Q = q;
        Groups = groups;
        Start = new int[groups + 1];
        Source = new int[rows];
        X = new double[rows * k];
        Y = new double[rows];
        LogY = new double[rows];
        Dummy = new int[rows];
    }

    public int Rows { get; }

    /// <summary>Slopes per row.</summary>
    public int K { get; }

    /// <summary>Year dummies (the block's design columns before the slopes).</summary>
    public int Q { get; }

    public int Groups { get; }

    /// <summary>Entity g's rows are [Start[g], Start[g + 1]).</summary>
    public int[] Start { get; }

    /// <summary>The block's kept-row index of each grouped row.</summary>
    public int[] Source { get; }

    /// <summary>Slopes, row-major (Rows × K).</summary>
    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>log y (0 where y = 0), for the deviance without a logarithm per row and iteration.</summary>
    public double[] LogY { get; }

    /// <summary>Year-dummy column of each row, −1 for the reference year.</summary>
    public int[] Dummy { get; }

    /// <summary>Chunk c holds entities [Chunks[c], Chunks[c + 1]).</summary>
    public int[] Chunks { get; private set; } = [];

    /// <summary>Rows of the largest entity (the size of per-entity scratch buffers).</summary>
    public int LargestGroup { get; private set; }

    public static GroupedRows Of(PoissonBlock block)
    {
        int n = block.Y.Length;
        int k = block.Width - block.Dummies;
        int groups = Math.Max(block.Groups, 1);
        var rows = new GroupedRows(n, k, block.Dummies, groups);
        int[] slot = block.Slot;
        int[] start = rows.Start;
        foreach (int g in slot)
        {
            start[g + 1]++;
        }

        for (int g = 0; g < groups; g++)
        {
            rows.LargestGroup = Math.Max(rows.LargestGroup, start[g + 1]);
            start[g + 1] += start[g];
        }

        var next = (int[])start[..groups].Clone();
        int[] dummy = block.DummyIndex;
        for (int i = 0; i < n; i++)
        {
            int at = next[slot[i]]++;
            rows.Source[at] = i;
            rows.Y[at] = block.Y[i];
            rows.LogY[at] = block.Y[i] > 0.0 ? Math.Log(block.Y[i]) : 0.0;
            rows.Dummy[at] = dummy[i];
            for (int j = 0; j < k; j++)
            {
                rows.X[at * k + j] = block.Slope(i, j);
            }
        }

        var chunks = new List<int> { 0 };
        for (int g = 0; g < groups; g++)
        {
            if (start[g + 1] - start[chunks[^1]] >= ChunkRows && g + 1 < groups)
            {
                chunks.Add(g + 1);
            }
        }

        chunks.Add(groups);
        rows.Chunks = chunks.ToArray();
        return rows;
    }

    /// <summary>
    /// μ of entity g's rows at θ (year dummies, then slopes) with the entity's effect concentrated out, written with the
    /// linear predictor xθ into <paramref name="eta"/>: the same operations in the same order as
    /// <see cref="PoissonBlock.Mean"/>, so both give the same μ. Returns the entity's log-scale offset: log μ = η + offset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Mean(int g, double[] theta, Span<double> eta, Span<double> mu)
    {
        int first = Start[g];
        int m = Start[g + 1] - first;
        int k = K;
        double max = double.NegativeInfinity;
        double sumY = 0.0;
        ReadOnlySpan<double> x = X.AsSpan(first * k, m * k);
        ReadOnlySpan<double> y = Y.AsSpan(first, m);
        ReadOnlySpan<int> dummy = Dummy.AsSpan(first, m);
        ReadOnlySpan<double> slopes = theta.AsSpan(Q, k);
        for (int r = 0; r < y.Length; r++)
        {
            int t = dummy[r];
            double s = t >= 0 ? theta[t] : 0.0;
            ReadOnlySpan<double> row = x.Slice(r * k, k);
            for (int j = 0; j < row.Length; j++)
            {
                s += row[j] * slopes[j];
            }

            eta[r] = s;
            max = Math.Max(max, s);
            sumY += y[r];
        }

        double sumExp = 0.0;
        for (int r = 0; r < m; r++)
        {
            mu[r] = Math.Exp(eta[r] - max);
            sumExp += mu[r];
        }

        double scale = sumY / sumExp;
        double offset = Math.Log(sumY) - max - Math.Log(sumExp);
        for (int r = 0; r < m; r++)
        {
            mu[r] = mu[r] > 0.0 ? mu[r] * scale : Math.Exp(offset + eta[r]);
        }

        return offset;
    }

    /// <summary>ppmlhdfe's start, (y + ȳ_g)/2 (as <see cref="PoissonBlock.StartingMean"/>), with η = log μ (offset 0).</summary>
    public void StartingMean(int g, Span<double> eta, Span<double> mu)
    {
        int first = Start[g];
        int m = Start[g + 1] - first;
        double sum = 0.0;
        for (int r = 0; r < m; r++)
        {
            sum += Y[first + r];
        }

        double mean = sum / m;
        for (int r = 0; r < m; r++)
        {
            mu[r] = 0.5 * (Y[first + r] + mean);
            eta[r] = Math.Log(mu[r]);
        }
    }
}
