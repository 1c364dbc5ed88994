using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Poisson;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Panel;

/// <summary>
/// The split fixed-effects rounds with the year effects absorbed (moments, one projection, QR parts, scores), as the
/// economy grains run them, against the one-process fit on the same rows clustered by block.
/// </summary>
public sealed class FixedEffectsRoundsTests
{
    private const double Tolerance = 1e-10;
    private static readonly string[] _names = ["x1", "x2", "x3"];

    [Theory]
    [InlineData(true, CovarianceKind.ClusterCr1)]
    [InlineData(true, CovarianceKind.Hc1)]
    [InlineData(true, CovarianceKind.Classical)]
    [InlineData(false, CovarianceKind.ClusterCr1)]
    public void Rounds_over_blocks_give_the_one_process_fit(bool entityEffects, CovarianceKind kind)
    {
        (double[,] x, double[] positive, int[] entity, int[] year, int[] region) = NewtonPpmlTests.Panel(seed: 31, entities: 50, years: 11);
        double[] y = positive.Select(v => Math.Log(v + 1.0)).ToArray();
        var spec = new PanelSpec(entityEffects, year.Distinct().Order().ToArray());
        var options = new OlsOptions(kind);
        OlsFit single = FixedEffects.Fit(x, y, _names, entity, year, spec, options, region);

        var blocks = region.Distinct().Order().Select(r =>
        {
            int[] rows = Enumerable.Range(0, y.Length).Where(i => region[i] == r).ToArray();
            return (X: Rows.Take(x, rows), Y: Rows.Take(y, rows), Entity: Rows.Take(entity, rows), Year: Rows.Take(year, rows));
        }).ToArray();
        YearMoments sum = YearMoments.Sum(blocks.Select(b => FixedEffectsRounds.Moments(b.X, b.Y, b.Entity, b.Year, spec)).ToArray());
        (double[] gamma, int years) = FixedEffectsRounds.Projection(sum, options.CollinearityTolerance);
        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => FixedEffectsRounds.Part(b.X, b.Y, b.Entity, b.Year, spec, gamma)).ToArray());
        ScorePart[] scores = [];
        if (kind != CovarianceKind.Classical)
        {
            ScoreBasis basis = FixedEffectsRounds.Solve(total, _names, options, sum);
            scores = blocks.Select(b => FixedEffectsRounds.Scores(b.X, b.Y, b.Entity, b.Year, spec, gamma, basis, meat: kind == CovarianceKind.Hc1)).ToArray();
        }

        OlsFit split = FixedEffectsRounds.Finish(total, scores, _names, options, years, sum);

        Assert.Equal(single.Observations, split.Observations);
        Assert.Equal(single.ResidualDf, split.ResidualDf);
        Assert.Equal(single.AbsorbedParameters, split.AbsorbedParameters);
        Assert.Equal(single.Names, split.Names);
        for (int j = 0; j < _names.Length; j++)
        {
            AssertClose.Relative(single.Coefficients[j], split.Coefficients[j], Tolerance, $"beta[{_names[j]}]");
            AssertClose.Relative(single.StandardErrors[j], split.StandardErrors[j], Tolerance, $"se[{_names[j]}]");
        }

        AssertClose.Relative(single.Rss, split.Rss, Tolerance, "RSS");
        AssertClose.Relative(single.RSquared, split.RSquared, Tolerance, "R²");
        AssertClose.Relative(single.WithinRSquared, split.WithinRSquared, Tolerance, "within R²");
    }

    [Fact]
    public void The_year_system_is_the_same_whether_an_entitys_years_come_in_order_or_not()
    {
        // Entities with consecutive years, with gaps, and (in the second panel) with their years shuffled: the
        // entity-by-year outer products are subtracted as one vector run for consecutive ascending years and element
        // by element otherwise, and every element must get the same bits either way (unweighted counts are exact).
        var rnd = new Random(5);
        var ordered = new List<(int Entity, int Year)>();
        for (int e = 0; e < 60; e++)
        {
            int first = 1990 + rnd.Next(5);
            int last = 2005 + rnd.Next(8);
            ordered.AddRange(Enumerable.Range(first, last - first + 1).Where(_ => e % 7 != 3 || rnd.NextDouble() > 0.3).Select(t => (e, t)));
        }
        var shuffled = ordered.GroupBy(r => r.Entity).SelectMany(g => g.OrderBy(_ => rnd.Next())).ToList();

        double[] System(List<(int Entity, int Year)> rows)
        {
            int n = rows.Count;
            var x = new double[n, 2];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                (x[i, 0], x[i, 1], y[i]) = (rows[i].Year % 3, rows[i].Entity % 5, rows[i].Year - 2000.0);
            }
            int[] year = rows.Select(r => r.Year).ToArray();
            var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
            return FixedEffectsRounds.Moments(x, y, rows.Select(r => r.Entity).ToArray(), year, spec).System;
        }

        double[] inOrder = System(ordered);
        double[] outOfOrder = System(shuffled);

        Assert.NotEqual(ordered, shuffled);
        Assert.Contains(inOrder, v => v < 0.0); // the entities' outer products were subtracted
        Assert.Equal(inOrder, outOfOrder);
    }
}
