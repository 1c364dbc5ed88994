using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The distributions of a block of paths (<see cref="PathColumns"/>) for baseline, scenario and their difference, per
/// year. The difference is taken path by path (scenario − baseline under the same draws). Each year's columns are
/// copied once (the selection reorders its copy; the columns stay in path order for the group sums); a year whose
/// scenario column is the baseline's, value for value (no shock reaches it: most economies in most scenarios), takes
/// the baseline's distribution for the scenario and, when every value is finite, zeros for the difference: what the
/// selection would give on those same values, with no selection.
/// </summary>
public static class ScenarioSummary
{
    public static (PathDistribution[] Baseline, PathDistribution[] Scenario, PathDistribution[] Difference) Of(
        PathColumns paths, ReadOnlySpan<double> probabilities)
    {
        int years = paths.Years;
        int n = paths.Paths;
        var b = new double[n];
        var s = new double[n];
        var d = new double[n];
        var bd = new PathDistribution[years];
        var sd = new PathDistribution[years];
        var dd = new PathDistribution[years];
        for (int h = 0; h < years; h++)
        {
            double[] x = paths.Baseline[h];
            double[] y = paths.Scenario[h];
            bool same = paths.Aliased(h) || MemoryMarshal.Cast<double, long>(x.AsSpan(0, n)).SequenceEqual(MemoryMarshal.Cast<double, long>(y.AsSpan(0, n)));
            bool finite = AllFinite(x.AsSpan(0, n));
            x.AsSpan(0, n).CopyTo(b);
            bd[h] = ExactQuantiles.DistributionInPlace(b, probabilities);
            if (same)
            {
                sd[h] = bd[h] with { Quantiles = (double[])bd[h].Quantiles.Clone() };
            }
            else
            {
                y.AsSpan(0, n).CopyTo(s);
                sd[h] = ExactQuantiles.DistributionInPlace(s, probabilities);
            }

            if (same && finite && n > 1)
            {
                dd[h] = new PathDistribution(0.0, 0.0, new double[probabilities.Length]);
                continue;
            }

            for (int p = 0; p < n; p++)
            {
                d[p] = y[p] - x[p];
            }

            dd[h] = ExactQuantiles.DistributionInPlace(d, probabilities);
        }

        return (bd, sd, dd);
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a block of one economy's paths into an aggregate's sums (the caller adds economies in a fixed order, so sums are bit-identical run to run).</summary>
    public static void AddInto(Span<double> sums, ReadOnlySpan<double> block)
    {
        int i = 0;
        for (; i + Vector256<double>.Count <= block.Length; i += Vector256<double>.Count)
        {
            (Vector256.Create<double>(sums[i..]) + Vector256.Create<double>(block[i..])).CopyTo(sums[i..]);
        }

        for (; i < block.Length; i++)
        {
            sums[i] += block[i];
        }
    }
}
