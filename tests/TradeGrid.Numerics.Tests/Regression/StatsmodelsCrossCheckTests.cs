using System.Text.Json;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class StatsmodelsCrossCheckTests
{
    // fixtures/regression/statsmodels_crosscheck.json comes from statsmodels_crosscheck.py: statsmodels OLS (nonrobust,
    // HC1, cluster with use_correction) on ols_synthetic's design, and GLM Poisson with economy and year dummies,
    // cluster-robust (its correction is G/(G−1)·(N−1)/(N−K) with K counting the dummies: our CR1), on ppml_synthetic's.
    private const double RelativeTolerance = 1e-9; // OLS: the same least-squares problem; GLM: fitted to tol = 1e-13
    private const double PValueTolerance = 1e-8;   // p-values amplify t's relative error by about t²

    private static readonly JsonElement _sm = Fixture.Load("regression/statsmodels_crosscheck");

    [Theory]
    [InlineData("ols_nonrobust", CovarianceKind.Classical)]
    [InlineData("ols_hc1", CovarianceKind.Hc1)]
    [InlineData("ols_cluster", CovarianceKind.ClusterCr1)]
    public void Ols_matches_statsmodels(string block, CovarianceKind kind)
    {
        JsonElement expected = _sm.GetProperty(block);

        OlsFit fit = OlsAgainstRTests.Fit(kind, 0.95);

        Compare(expected, fit.Coefficients, fit.StandardErrors, fit.PValues);
        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.Df);
    }

    [Fact]
    public void Ppml_cluster_matches_statsmodels_glm_with_normal_p_values()
    {
        JsonElement expected = _sm.GetProperty("ppml_cluster");
        JsonElement r = Fixture.Load("regression/ppml_synthetic");

        PoissonFit fit = Ppml.Fit(r.GetProperty("x").Matrix(), r.GetProperty("y").Doubles(), r.GetProperty("names").Strings(),
            OlsAgainstRTests.ClusterIds(r.GetProperty("economy").Strings()), r.GetProperty("year").Doubles().Select(v => (int)v).ToArray(),
            new PanelSpec(true, r.GetProperty("years").Doubles().Select(v => (int)v).ToArray()), new PoissonOptions(CovarianceKind.ClusterCr1));

        Compare(expected, fit.Coefficients, fit.StandardErrors, fit.NormalPValues);
        Assert.Equal(expected.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(expected.GetProperty("k_all").GetInt32(), fit.Parameters + fit.AbsorbedParameters);
    }

    private static void Compare(JsonElement expected, double[] beta, double[] se, double[] p)
    {
        string[] names = expected.GetProperty("names").Strings();
        double[] eb = expected.GetProperty("coefficients").Doubles();
        double[] es = expected.GetProperty("se").Doubles();
        double[] ep = expected.GetProperty("p").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(eb[j], beta[j], RelativeTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(es[j], se[j], RelativeTolerance, $"se[{names[j]}]");
            AssertClose.Relative(ep[j], p[j], PValueTolerance, $"p[{names[j]}]");
        }
    }
}
