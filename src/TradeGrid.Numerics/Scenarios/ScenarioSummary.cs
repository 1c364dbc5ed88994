using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The distributions of a block of paths (row-major [path, year]) for baseline, scenario and their difference, per
/// year. The difference is taken path by path (scenario − baseline under the same draws). Each year's baseline and
/// scenario columns are gathered once; a year whose scenario column is the baseline's, value for value (no shock
/// reaches it: most economies in most scenarios), takes the baseline's distribution for the scenario and, when every
/// value is finite, zeros for the difference: what the selection would give on those same values, with no selection.
/// </summary>
public static class ScenarioSummary
{
    public static (PathDistribution[] Baseline, PathDistribution[] Scenario, PathDistribution[] Difference) Of(
        ReadOnlySpan<double> baseline, ReadOnlySpan<double> scenario, int years, ReadOnlySpan<double> probabilities)
    {
        int paths = baseline.Length / years;
        var b = new double[paths];
        var s = new double[paths];
        var d = new double[paths];
        var bd = new PathDistribution[years];
        var sd = new PathDistribution[years];
        var dd = new PathDistribution[years];
        for (int h = 0; h < years; h++)
        {
            bool same = true;
            bool finite = true;
            for (int p = 0; p < paths; p++)
            {
                double x = baseline[p * years + h];
                double y = scenario[p * years + h];
                (b[p], s[p], d[p]) = (x, y, y - x);
                same &= BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);
                finite &= double.IsFinite(x);
            }

            bd[h] = ExactQuantiles.DistributionInPlace(b, probabilities);
            if (same)
            {
                sd[h] = bd[h] with { Quantiles = (double[])bd[h].Quantiles.Clone() };
            }
            else
            {
                sd[h] = ExactQuantiles.DistributionInPlace(s, probabilities);
            }

            dd[h] = same && finite && paths > 1
                ? new PathDistribution(0.0, 0.0, new double[probabilities.Length])
                : ExactQuantiles.DistributionInPlace(d, probabilities);
        }

        return (bd, sd, dd);
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
