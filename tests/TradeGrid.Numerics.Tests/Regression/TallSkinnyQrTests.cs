using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class TallSkinnyQrTests
{
    // Splitting the rows changes only the order of floating-point operations, never the problem; on this
    // well-conditioned design (κ ≈ 1e3 after scaling) the two paths agree to a few hundred ulps.
    private const double SplitTolerance = 1e-12;

    private static readonly JsonElement _r = Fixture.Load("regression/ols_synthetic");

    /// <summary>The fixture's design, response, column names and each row's economy (its cluster).</summary>
    private static (double[,] X, double[] Y, string[] Names, int[] Economy) Sample() =>
        (_r.GetProperty("x").Matrix(), _r.GetProperty("y").Doubles(), _r.GetProperty("names").Strings(),
            OlsAgainstRTests.ClusterIds(_r.GetProperty("clusters").Strings()));

    [Theory]
    [InlineData(CovarianceKind.Classical)]
    [InlineData(CovarianceKind.Hc1)]
    [InlineData(CovarianceKind.ClusterCr1)]
    public void Split_by_economy_then_combine_equals_the_single_process_fit(CovarianceKind kind)
    {
        (double[,] x, double[] y, string[] names, int[] economy) = Sample();
        var options = new OlsOptions(kind, InterceptColumn: 0);
        OlsFit single = Ols.Fit(x, y, names, options, economy);

        // Round 1: each economy factors its rows; the coordinator combines and solves.
        var blocks = Blocks.Split(x, y, economy);
        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => TallSkinnyQr.Local(b.X, b.Y)).ToArray());
        ScoreBasis basis = Ols.Solve(total, names, options);
        // Round 2: each economy returns its score sum (its cluster) and HC meat given beta.
        ScorePart[] scores = blocks.Select(b => TallSkinnyQr.Scores(b.X, b.Y, basis)).ToArray();
        OlsFit split = Ols.Finish(total, scores, names, options);

        Assert.Equal(single.Observations, split.Observations);
        Assert.Equal(single.Clusters, split.Clusters);
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(single.Coefficients[j], split.Coefficients[j], SplitTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(single.StandardErrors[j], split.StandardErrors[j], SplitTolerance, $"se[{names[j]}]");
        }

        AssertClose.Relative(single.Rss, split.Rss, SplitTolerance, "RSS");
        AssertClose.Relative(single.RSquared, split.RSquared, SplitTolerance, "R²");
        AssertClose.Relative(single.WaldF, split.WaldF, SplitTolerance, "Wald F");
    }

    [Fact]
    public void A_cluster_score_sum_in_one_pass_equals_the_residuals_then_scores_path_bit_for_bit()
    {
        (double[,] x, double[] y, string[] names, int[] economy) = Sample();
        var blocks = Blocks.Split(x, y, economy);
        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => TallSkinnyQr.Local(b.X, b.Y)).ToArray());
        ScoreBasis basis = Ols.Solve(total, names, new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0));

        foreach ((double[,] bx, double[] by, _) in blocks)
        {
            ScorePart fused = TallSkinnyQr.Scores(bx, by, basis, meat: false);
            ScorePart general = TallSkinnyQr.ScoresOfResiduals(bx, TallSkinnyQr.Residuals(bx, by, basis.Beta), basis, meat: false);

            Assert.Equal(general.Observations, fused.Observations);
            Assert.Equal(general.ScoreSum, fused.ScoreSum); // exact: the same operations in the same order
            Assert.Equal(general.ResidualSquares, fused.ResidualSquares);
            Assert.Empty(fused.Meat);
        }
    }

    [Fact]
    public void An_economy_without_rows_contributes_nothing()
    {
        (double[,] x, double[] y, string[] names, int[] economy) = Sample();
        var options = new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0);
        var blocks = Blocks.Split(x, y, economy);
        blocks.Add((new double[0, names.Length], [], []));

        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => TallSkinnyQr.Local(b.X, b.Y)).ToArray());
        ScoreBasis basis = Ols.Solve(total, names, options);
        OlsFit fit = Ols.Finish(total, blocks.Select(b => TallSkinnyQr.Scores(b.X, b.Y, basis, meat: false)).ToArray(), names, options);

        double[] se = _r.GetProperty("cr1").GetProperty("se").Doubles();
        Assert.Equal(_r.GetProperty("g").GetInt32(), fit.Clusters);
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(se[j], fit.StandardErrors[j], 1e-9, $"se[{names[j]}]"); // as OlsAgainstRTests
        }
    }

    [Fact]
    public void Combining_no_parts_is_an_empty_sample()
    {
        var error = Assert.Throws<InsufficientDataException>(() => TallSkinnyQr.Combine([]));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_with_fewer_rows_than_columns_combine_exactly()
    {
        double[,] x = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        string[] names = _r.GetProperty("names").Strings();
        int[] tiny = Enumerable.Range(0, y.Length).Select(i => i / 3).ToArray(); // 3 rows per block, 5 columns

        QrPart total = TallSkinnyQr.Combine(Blocks.Split(x, y, tiny).Select(b => TallSkinnyQr.Local(b.X, b.Y)).ToArray());
        double[] beta = Ols.Solve(total, names, new OlsOptions()).Beta;

        double[] expected = _r.GetProperty("classical").GetProperty("coefficients").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(expected[j], beta[j], SplitTolerance * 1e3, $"beta[{names[j]}]"); // vs R: the 1e-9 of OlsAgainstRTests
        }

        Assert.Equal(y.Length, total.Observations);
        AssertClose.Relative(y.Sum(v => v * v), total.Yty, SplitTolerance, "y'y");
    }
}
