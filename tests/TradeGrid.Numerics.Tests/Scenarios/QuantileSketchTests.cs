using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// The sketch's quantiles against the exact ones on large samples, with the tolerance its own bound gives: a type-7
/// quantile read from the sketch lies between the exact order statistics of ranks ⌊h⌋ − E and ⌊h⌋ + 1 + E, E the
/// sketch's rank-error bound (itself at most H·n/k). Not a hand-picked tolerance: a sketch off by one rank more fails.
/// </summary>
public sealed class QuantileSketchTests
{
    private static readonly double[] Probabilities = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

    public static TheoryData<string, int, int> Samples => new()
    {
        { "lognormal", 300_000, 4096 },
        { "lognormal", 100_000, 64 },
        { "ties", 200_000, 512 },
        { "sorted", 150_000, 256 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Quantiles_lie_within_the_rank_error_bound_of_the_exact_ones(string kind, int n, int k)
    {
        double[] values = Sample(kind, n);
        var sketch = new QuantileSketch(k);
        foreach (double v in values)
        {
            sketch.Add(v);
        }

        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        long e = sketch.RankErrorBound;
        double[] q = sketch.Quantiles(Probabilities);

        Assert.Equal(n, sketch.Count);
        Assert.InRange(e, 1, (long)QuantileSketch.RankErrorLimit(n, k));
        for (int i = 0; i < Probabilities.Length; i++)
        {
            long lo = (long)Math.Floor((n - 1) * Probabilities[i]);
            double low = sorted[Math.Max(0, lo - e)];
            double high = sorted[Math.Min(n - 1, lo + 1 + e)];
            Assert.InRange(q[i], low, high);
        }

        Assert.Equal(values.Average(), sketch.Mean, 1e-9 * (Math.Abs(values.Average()) + 1.0));
    }

    [Fact]
    public void Under_one_level_the_sketch_is_exact()
    {
        double[] values = Sample("lognormal", 1000);
        var sketch = new QuantileSketch(1024);
        foreach (double v in values)
        {
            sketch.Add(v);
        }

        Assert.Equal(0, sketch.RankErrorBound);
        Assert.Equal(ExactQuantiles.Type7InPlace((double[])values.Clone(), Probabilities), sketch.Quantiles(Probabilities));
    }

    [Fact]
    public void A_restored_sketch_goes_on_as_the_one_saved()
    {
        double[] values = Sample("lognormal", 50_000);
        var whole = new QuantileSketch(128);
        var first = new QuantileSketch(128);
        for (int i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            if (i < 20_001)
            {
                first.Add(values[i]);
            }
        }

        QuantileSketch resumed = QuantileSketch.Restore(first.Save());
        foreach (double v in values.AsSpan(20_001))
        {
            resumed.Add(v);
        }

        Assert.Equal(whole.Quantiles(Probabilities), resumed.Quantiles(Probabilities));
        Assert.Equal(Flatten(whole.Save()), Flatten(resumed.Save()));
    }

    [Fact]
    public void Levels_must_be_even()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(7));
    }

    internal static double[] Flatten(QuantileSketchState s) =>
        [s.K, s.Count, s.Shift, s.Sum, s.SumSquares, s.RankError, .. s.Levels.SelectMany(l => l.Prepend(l.Length)), .. s.Odd.Select(o => o ? 1.0 : 0.0)];

    internal static double[] Sample(string kind, int n)
    {
        var random = new Random(20261203);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            values[i] = kind switch
            {
                "ties" => Math.Round(z * 3.0), // a few dozen distinct values
                "sorted" => i * 0.5,
                _ => Math.Exp(z),
            };
        }

        return values;
    }
}
