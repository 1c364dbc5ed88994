using TradeGrid.Data.Model;

namespace TradeGrid.Data.Tests.Model;

public sealed class SourceRunsTests
{
    private static string[] RandomSources(Random random, int count)
    {
        var sources = new string[count];
        for (int i = 0; i < count; i++)
        {
            // Long runs with occasional changes, and a source that comes back after another.
            sources[i] = i > 0 && random.NextDouble() < 0.8 ? sources[i - 1] : "s" + random.Next(4);
        }
        return sources;
    }

    [Fact]
    public void Compress_then_expand_gives_the_values_back_with_one_run_per_change()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            string[] perValue = RandomSources(random, random.Next(0, 80));

            (string[] names, int[] starts) = SourceRuns.Compress(perValue);

            Assert.Equal(perValue, SourceRuns.Expand(names, starts, perValue.Length));
            int changes = perValue.Where((s, i) => i == 0 || s != perValue[i - 1]).Count();
            Assert.Equal(changes, names.Length);
            Assert.Equal(perValue, Enumerable.Range(0, perValue.Length).Select(i => SourceRuns.At(names, starts, i)));
        }
    }

    [Fact]
    public void A_slice_of_the_runs_is_the_runs_of_the_slice()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            string[] perValue = RandomSources(random, random.Next(1, 60));
            (string[] names, int[] starts) = SourceRuns.Compress(perValue);
            int start = random.Next(perValue.Length);
            int count = random.Next(0, perValue.Length - start + 1);

            (string[] slicedNames, int[] slicedStarts) = SourceRuns.Slice(names, starts, start, count);

            Assert.Equal(perValue.AsSpan(start, count).ToArray(), SourceRuns.Expand(slicedNames, slicedStarts, count));
            Assert.Equal(SourceRuns.Compress(perValue.AsSpan(start, count)).Names, slicedNames);
        }
    }
}
