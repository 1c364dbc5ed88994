using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// <see cref="AbsorbedCovariance"/> from the blocks: HC meats are summed as they come (each block whitens its rows'
/// scores); cluster meats need each cluster's whole score sum first, so the blocks answer unwhitened sums per cluster
/// group, added here by cluster (a cluster may span economies: a partner, a year) before whitening. Nesting of the
/// effects in the clusters is merged the same way.
/// </summary>
internal static class SweepCovariance
{
    public static async Task<AbsorbedCovarianceResult> ComputeAsync(
        ISweepBlocks blocks, SweepReply?[] compact, SweepLayout layout, SweepModel model, LeastSquaresSolution solution, int n, int[] groups,
        double sigma2, CancellationToken cancellationToken)
    {
        int[] kept = solution.Retained;
        int r = kept.Length;
        double[] factor = solution.Factor;
        CovarianceKind kind = model.Options.Covariance;
        Task<SweepReply?[]> Scores(int cluster) => blocks.SendAsync(
            b => compact[b] is { Rows: > 0 } ? new SweepCommand(SweepOp.Scores) { Kept = kept, Factor = factor, Cluster = cluster } : null,
            cancellationToken);
        ClusterMeats? clusters = null;
        double[] hc = [];
        if (kind is CovarianceKind.ClusterCr0 or CovarianceKind.ClusterCr1)
        {
            int dims = model.ClusterNames.Length;
            (double[] first, int g1) = Meat(await Scores(0), factor, r);
            double[]? second = null, both = null;
            var counts = new List<EffectCount> { new(model.ClusterNames[0], g1) };
            if (dims == 2)
            {
                (second, int g2) = Meat(await Scores(1), factor, r);
                (both, _) = Meat(await Scores(2), factor, r);
                counts.Add(new EffectCount(model.ClusterNames[1], g2));
            }

            bool[] nested = await NestedAsync(blocks, compact, layout, model.EffectNames.Length, dims, cancellationToken);
            clusters = new ClusterMeats(first, second, both, counts.ToArray(), nested);
        }
        else if (kind is CovarianceKind.Hc0 or CovarianceKind.Hc1)
        {
            hc = new double[r * r];
            foreach (SweepReply? s in await Scores(-1))
            {
                if (s?.Scalars is { } m)
                {
                    for (int i = 0; i < hc.Length; i++)
                    {
                        hc[i] += m[i];
                    }
                }
            }
        }

        return AbsorbedCovariance.Assemble(kind, factor, r, n, groups, model.EffectNames, sigma2, () => hc, clusters);
    }

    /// <summary>The whitened meat of score sums added up per cluster over the blocks, and the number of clusters.</summary>
    private static (double[] Meat, int Groups) Meat(SweepReply?[] replies, double[] factor, int r)
    {
        var index = new Dictionary<(long, long), int>();
        var sums = new List<double>();
        foreach (SweepReply? reply in replies)
        {
            if (reply?.Keys is not { } keys || reply.Sums is not { } s)
            {
                continue;
            }

            for (int g = 0; g < keys.Length / 2; g++)
            {
                if (!index.TryGetValue((keys[2 * g], keys[2 * g + 1]), out int at))
                {
                    at = index.Count;
                    index[(keys[2 * g], keys[2 * g + 1])] = at;
                    sums.AddRange(new double[r]);
                }

                for (int a = 0; a < r; a++)
                {
                    sums[at * r + a] += s[g * r + a];
                }
            }
        }

        return (AbsorbedCovariance.WhitenedMeat(factor, r, sums.ToArray(), index.Count), index.Count);
    }

    /// <summary>Whether every group of each set of effects lies in one cluster of some clustering dimension.</summary>
    private static async Task<bool[]> NestedAsync(ISweepBlocks blocks, SweepReply?[] compact, SweepLayout layout, int sets, int dims, CancellationToken cancellationToken)
    {
        SweepReply?[] replies = await blocks.SendAsync(b => compact[b] is { Rows: > 0 } ? new SweepCommand(SweepOp.Nesting) : null, cancellationToken);
        var nested = new bool[sets];
        for (int q = 0; q < sets; q++)
        {
            for (int c = 0; c < dims && !nested[q]; c++)
            {
                var owner = new long[layout.Groups[q]];
                Array.Fill(owner, -1);
                bool one = true;
                for (int b = 0; b < replies.Length && one; b++)
                {
                    long[]? owners = replies[b]?.Owners?[q * dims + c];
                    for (int m = 0; owners is not null && m < owners.Length && one; m++)
                    {
                        int g = layout.Slot(b, q, m);
                        long o = owner[g];
                        one = owners[m] != -2 && (o == -1 || o == owners[m]);
                        owner[g] = owners[m];
                    }
                }

                nested[q] = one;
            }
        }

        return nested;
    }
}
