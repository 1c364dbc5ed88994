using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// An economy's rows as its block of a fit absorbed in the grains: the design's columns (terms built from the base
/// variables, a column of ones first when the model has an intercept and no effects), and each row's group in every
/// set of effects and clustering dimension as a global id: economies by their code in the setup, years from its first,
/// products of dimensions in mixed radix, so the same partner×year (or symmetric pair) has the same id in every economy.
/// </summary>
internal static class SweepRows
{
    public static SweepBlock Build(string economy, DesignBlock block, DesignSpec spec, SweepSetup setup)
    {
        int n = block.Rows;
        int k = block.X.GetLength(1);
        double[][] variables = Enumerable.Range(0, k).Select(j =>
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = block.X[i, j];
            }

            return v;
        }).ToArray();
        TermSpec[] terms = setup.Terms.Length > 0 ? setup.Terms : spec.Regressors.Select((r, j) => new TermSpec(r.Name, [j], [1])).ToArray();
        double[][] columns = terms.Select(t => AbsorbedFitCoordinator.Product(t, variables, n)).ToArray();
        if (setup.Intercept)
        {
            columns = [Enumerable.Repeat(1.0, n).ToArray(), .. columns];
        }

        long economies = setup.Economies.Length;
        long reporter = Array.BinarySearch(setup.Economies, economy, StringComparer.Ordinal);
        long[] partnerCode = spec.Partners.Select(p => (long)Array.BinarySearch(setup.Economies, p, StringComparer.Ordinal)).ToArray();
        (long Value, long Radix) Dimension(string dimension, int i)
        {
            long partner = spec.Bilateral ? partnerCode[block.Entity[i]] : -1;
            return dimension switch
            {
                "reporter" => (reporter, economies),
                "partner" => (partner, economies),
                "year" => (block.Year[i] - setup.FirstYear, setup.Years),
                "pair" => (reporter * economies + partner, economies * economies),
                "sympair" => (Math.Min(reporter, partner) * economies + Math.Max(reporter, partner), economies * economies),
                _ => throw new ArgumentException($"Unknown dimension {dimension}.", nameof(setup)),
            };
        }

        long[] Ids(string set)
        {
            string[] dimensions = set.Split('^');
            var ids = new long[n];
            for (int i = 0; i < n; i++)
            {
                long id = 0;
                foreach (string d in dimensions)
                {
                    (long value, long radix) = Dimension(d, i);
                    id = checked(id * radix + value);
                }

                ids[i] = id;
            }

            return ids;
        }

        string Where(int row) => spec.Bilateral ? $"{economy}→{spec.Partners[block.Entity[row]]} {block.Year[row]}" : $"{economy} {block.Year[row]}";
        return new SweepBlock(block.Y, columns, setup.Sets.Select(Ids).ToArray(), setup.Eliminated, setup.Clusters.Select(Ids).ToArray(), Where);
    }
}
