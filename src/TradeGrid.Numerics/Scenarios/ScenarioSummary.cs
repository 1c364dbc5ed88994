using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The distributions of a block of paths (row-major [path, year]) for baseline, scenario and their difference, per
/// year. The difference is taken path by path (scenario − baseline under the same draws).
/// </summary>
public static class ScenarioSummary
{
    public static (PathDistribution[] Baseline, PathDistribution[] Scenario, PathDistribution[] Difference) Of(
        ReadOnlySpan<double> baseline, ReadOnlySpan<double> scenario, int years, ReadOnlySpan<double> probabilities)
    {
        int paths = baseline.Length / years;
        var difference = new double[baseline.Length];
        for (int i = 0; i < difference.Length; i++)
        {
            difference[i] = scenario[i] - baseline[i];
        }

        var scratch = new double[paths];
        var b = new PathDistribution[years];
        var s = new PathDistribution[years];
        var d = new PathDistribution[years];
        for (int h = 0; h < years; h++)
        {
            b[h] = ExactQuantiles.Column(baseline, years, h, probabilities, scratch);
            s[h] = ExactQuantiles.Column(scenario, years, h, probabilities, scratch);
            d[h] = ExactQuantiles.Column(difference, years, h, probabilities, scratch);
        }

        return (b, s, d);
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
