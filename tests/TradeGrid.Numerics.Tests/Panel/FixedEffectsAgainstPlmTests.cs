using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Panel;

public sealed class FixedEffectsAgainstPlmTests
{
    // fixtures/regression/panel_synthetic.json comes from panel_synthetic.R: plm within models (one-way and two-way) on an
    // unbalanced panel, plm::vcovHC(method = "arellano", type = "sss") for the cluster covariance, LSDV lm() for HC1/logLik.
    private const double RelativeTolerance = 1e-9; // the same least-squares problem; plm by its within transformation, we demean and project out the years
    private const double SplitTolerance = 1e-12;   // the split path's year dummies against the one-process projection: rounding only

    private static readonly JsonElement _r = Fixture.Load("regression/panel_synthetic");

    [Theory]
    [InlineData("individual", "classical", CovarianceKind.Classical)]
    [InlineData("individual", "cluster", CovarianceKind.ClusterCr1)]
    [InlineData("individual", "hc1", CovarianceKind.Hc1)]
    [InlineData("twoways", "classical", CovarianceKind.Classical)]
    [InlineData("twoways", "cluster", CovarianceKind.ClusterCr1)]
    [InlineData("twoways", "hc1", CovarianceKind.Hc1)]
    public void Coefficient_table_matches_plm(string effect, string block, CovarianceKind kind)
    {
        OlsFit fit = Fit(effect, kind);

        JsonElement expected = _r.GetProperty(effect).GetProperty(block);
        OlsAgainstRTests.AssertTable(expected, fit);
        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.Df);
    }

    [Theory]
    [InlineData("individual")]
    [InlineData("twoways")]
    public void Degrees_of_freedom_r_squared_and_f_match_plm(string effect)
    {
        JsonElement r = _r.GetProperty(effect);

        OlsFit fit = Fit(effect, CovarianceKind.Classical);

        Assert.Equal(_r.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(_r.GetProperty("g").GetInt32(), fit.Groups);
        Assert.Equal(r.GetProperty("df_residual").GetInt32(), fit.ResidualDf);
        AssertClose.Relative(r.GetProperty("r_squared").GetDouble(), fit.WithinRSquared, RelativeTolerance, "within R²");
        AssertClose.Relative(r.GetProperty("adj_r_squared").GetDouble(), fit.AdjustedWithinRSquared, RelativeTolerance, "adjusted within R²");
        AssertClose.Relative(r.GetProperty("r_squared_lsdv").GetDouble(), fit.RSquared, RelativeTolerance, "R² (LSDV)");
        AssertClose.Relative(r.GetProperty("adj_r_squared_lsdv").GetDouble(), fit.AdjustedRSquared, RelativeTolerance, "adjusted R² (LSDV)");
        AssertClose.Relative(r.GetProperty("f").GetDouble(), fit.FStatistic, RelativeTolerance, "F");
        Assert.Equal(r.GetProperty("f_df1").GetDouble(), fit.FDf1);
        Assert.Equal(r.GetProperty("f_df2").GetDouble(), fit.FDf2);
        AssertClose.Relative(r.GetProperty("f_p").GetDouble(), fit.FPValue, 1e-8, "p(F)"); // see OlsAgainstRTests.PValueTolerance
        AssertClose.Relative(r.GetProperty("rss").GetDouble(), fit.Rss, RelativeTolerance, "RSS");
        AssertClose.Relative(r.GetProperty("sigma").GetDouble(), fit.Sigma, RelativeTolerance, "sigma");
        AssertClose.Relative(r.GetProperty("loglik_lsdv").GetDouble(), fit.LogLikelihood, RelativeTolerance, "logLik (LSDV)");
        AssertClose.Relative(r.GetProperty("aic_lsdv").GetDouble(), fit.Aic, RelativeTolerance, "AIC (LSDV)");
        AssertClose.Relative(r.GetProperty("bic_lsdv").GetDouble(), fit.Bic, RelativeTolerance, "BIC (LSDV)");
    }

    [Theory]
    [InlineData("individual")]
    [InlineData("twoways")]
    public void Cluster_wald_f_matches_r(string effect)
    {
        JsonElement wald = _r.GetProperty(effect).GetProperty("cluster").GetProperty("wald");

        OlsFit fit = Fit(effect, CovarianceKind.ClusterCr1);

        AssertClose.Relative(wald.GetProperty("f").GetDouble(), fit.WaldF, RelativeTolerance, "Wald F");
        Assert.Equal(wald.GetProperty("df2").GetDouble(), fit.WaldDf2);
        AssertClose.Relative(wald.GetProperty("p").GetDouble(), fit.WaldPValue, 1e-8, "p(Wald F)");
    }

    [Theory]
    [InlineData("individual", CovarianceKind.ClusterCr1)]
    [InlineData("twoways", CovarianceKind.ClusterCr1)]
    [InlineData("twoways", CovarianceKind.Hc1)]
    public void Split_by_economy_then_combine_equals_the_single_process_fit(string effect, CovarianceKind kind)
    {
        double[,] x = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        string[] names = _r.GetProperty("names").Strings();
        int[] economy = OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings());
        int[] year = _r.GetProperty("year").Doubles().Select(v => (int)v).ToArray();
        PanelSpec spec = Spec(effect);
        var options = new OlsOptions(kind);
        OlsFit single = FixedEffects.Fit(x, y, names, economy, year, spec, options);

        var blocks = Blocks.Split(x, y, economy);
        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => FixedEffects.Local(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec)).ToArray());
        ScoreBasis basis = FixedEffects.Solve(total, names, spec, options);
        ScorePart[] scores = blocks.Select(b => FixedEffects.Scores(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, basis)).ToArray();
        OlsFit split = FixedEffects.Finish(total, scores, names, spec, options);

        Assert.Equal(single.Groups, split.Groups);
        Assert.Equal(single.ResidualDf, split.ResidualDf);
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(single.Coefficients[j], split.Coefficients[j], SplitTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(single.StandardErrors[j], split.StandardErrors[j], SplitTolerance, $"se[{names[j]}]");
        }

        AssertClose.Relative(single.WithinRSquared, split.WithinRSquared, SplitTolerance, "within R²");
        AssertClose.Relative(single.RSquared, split.RSquared, SplitTolerance, "R²");
    }

    [Fact]
    public void A_regressor_constant_within_economies_is_refused_by_name()
    {
        double[,] x = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        int[] economy = OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings());
        int[] year = _r.GetProperty("year").Doubles().Select(v => (int)v).ToArray();
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 1] = 0.1 * economy[i]; // "openness" fixed per economy: absorbed by the economy effects
        }

        var error = Assert.Throws<SingularDesignException>(
            () => FixedEffects.Fit(x, y, _r.GetProperty("names").Strings(), economy, year, Spec("twoways"), new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("'openness' is zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N_not_above_K_counting_the_entity_effects_is_refused()
    {
        double[,] x = { { 1.0, 2.0, 3.0, 4.1 }, { 1.5, 2.2, 3.9, 4.0 }, { 0.7, 2.9, 3.1, 4.4 }, { 1.1, 2.6, 3.3, 4.8 }, { 1.9, 2.1, 3.6, 4.2 }, { 1.3, 2.4, 3.8, 4.6 } };
        double[] y = [1.0, 2.0, 1.5, 2.5, 1.7, 2.2];

        var error = Assert.Throws<InsufficientDataException>(() => FixedEffects.Fit(x, y, _r.GetProperty("names").Strings(),
            [1, 1, 2, 2, 3, 3], [2020, 2021, 2020, 2021, 2020, 2021], new PanelSpec(true, []), new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("6 observations for at least 7 parameters (4 coefficients, 3 fixed effects)", error.Message, StringComparison.Ordinal);
    }

    private static PanelSpec Spec(string effect) =>
        new(EntityEffects: true, effect == "twoways" ? _r.GetProperty("years").Doubles().Select(v => (int)v).ToArray() : []);

    private static OlsFit Fit(string effect, CovarianceKind kind) =>
        FixedEffects.Fit(_r.GetProperty("x").Matrix(), _r.GetProperty("y").Doubles(), _r.GetProperty("names").Strings(),
            OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings()),
            _r.GetProperty("year").Doubles().Select(v => (int)v).ToArray(), Spec(effect), new OlsOptions(kind));
}
