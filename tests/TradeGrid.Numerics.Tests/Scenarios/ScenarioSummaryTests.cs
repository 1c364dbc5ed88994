using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// <see cref="ScenarioSummary.Of"/> gives, bit for bit, each column's distribution as <see cref="ExactQuantiles.DistributionInPlace"/>
/// computes it on the baseline, the scenario and their difference: in shocked years, in years the scenario is the
/// baseline (where it skips the selection), and with paths that could not make a year (NaN).
/// </summary>
public sealed class ScenarioSummaryTests
{
    private const int Years = 4;
    private static readonly double[] Probabilities = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    [Theory]
    [InlineData(1000, false)]
    [InlineData(999, true)]
    [InlineData(1, false)]
    public void Matches_the_column_by_column_selection_bit_for_bit(int paths, bool nan)
    {
        var random = new Random(11);
        var baseline = new double[paths * Years];
        var scenario = new double[paths * Years];
        for (int p = 0; p < paths; p++)
        {
            for (int h = 0; h < Years; h++)
            {
                double x = Math.Exp(random.NextDouble() * 3.0);
                x = nan && h == 3 && p % 7 == 0 ? double.NaN : x;
                baseline[p * Years + h] = x;
                scenario[p * Years + h] = h % 2 == 1 ? x * 1.1 : x; // years 1 and 3 shocked
            }
        }

        var (b, s, d) = ScenarioSummary.Of(PathColumns.FromRows(baseline, scenario, Years), Probabilities);

        double[] difference = scenario.Zip(baseline, (y, x) => y - x).ToArray();
        for (int h = 0; h < Years; h++)
        {
            Assert.Equal(Bits(Column(baseline, h)), Bits(b[h]));
            Assert.Equal(Bits(Column(scenario, h)), Bits(s[h]));
            Assert.Equal(Bits(Column(difference, h)), Bits(d[h]));
        }

        Assert.NotSame(b[0].Quantiles, s[0].Quantiles);
    }

    private static PathDistribution Column(double[] rows, int h) =>
        ExactQuantiles.DistributionInPlace(Enumerable.Range(0, rows.Length / Years).Select(p => rows[p * Years + h]).ToArray(), Probabilities);

    private static long[] Bits(PathDistribution d) =>
        d.Quantiles.Append(d.Mean).Append(d.Sd).Select(BitConverter.DoubleToInt64Bits).ToArray();
}
