using System.Text.Json;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class OlsAgainstRTests
{
    // fixtures/regression/ols_synthetic.json comes from ols_synthetic.R beside it: lm() + sandwich::vcovHC(type = "HC0"/"HC1")
    // + sandwich::vcovCL(type = "HC0"/"HC1") (G/(G−1); Stata's CR1 factor), every number printed with 17 significant digits.
    private const double RelativeTolerance = 1e-9; // the same least-squares problem, solved by another Householder QR

    // p-values come through the regularized incomplete beta (MathNet here, R's pbeta there); both are accurate to
    // ~1e-13 relative, but a p-value amplifies the relative error of t by |t|·(d log p/d t) ≈ t² for large t.
    private const double PValueTolerance = 1e-8;

    private static readonly JsonElement _r = Fixture.Load("regression/ols_synthetic");

    [Theory]
    [InlineData("classical", CovarianceKind.Classical)]
    [InlineData("hc0", CovarianceKind.Hc0)]
    [InlineData("hc1", CovarianceKind.Hc1)]
    [InlineData("cr0", CovarianceKind.ClusterCr0)]
    [InlineData("cr1", CovarianceKind.ClusterCr1)]
    public void Coefficient_table_matches_r(string block, CovarianceKind kind)
    {
        OlsFit fit = Fit(kind, 0.95);

        AssertTable(_r.GetProperty(block), fit);
        Assert.Equal(_r.GetProperty(block).GetProperty("df").GetDouble(), fit.Df);
    }

    [Fact]
    public void Confidence_interval_at_90_percent_matches_r()
    {
        OlsFit fit = Fit(CovarianceKind.ClusterCr1, 0.90);

        AssertTable(_r.GetProperty("level90"), fit);
    }

    [Fact]
    public void Summary_statistics_match_r()
    {
        OlsFit fit = Fit(CovarianceKind.Classical, 0.95);

        Assert.Equal(_r.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(_r.GetProperty("k").GetInt32(), fit.Parameters);
        AssertClose.Relative(_r.GetProperty("r_squared").GetDouble(), fit.RSquared, RelativeTolerance, "R²");
        AssertClose.Relative(_r.GetProperty("adj_r_squared").GetDouble(), fit.AdjustedRSquared, RelativeTolerance, "adjusted R²");
        AssertClose.Relative(_r.GetProperty("f").GetDouble(), fit.FStatistic, RelativeTolerance, "F");
        Assert.Equal(_r.GetProperty("f_df1").GetDouble(), fit.FDf1);
        Assert.Equal(_r.GetProperty("f_df2").GetDouble(), fit.FDf2);
        AssertClose.Relative(_r.GetProperty("f_p").GetDouble(), fit.FPValue, PValueTolerance, "p(F)");
        AssertClose.Relative(_r.GetProperty("sigma").GetDouble(), fit.Sigma, RelativeTolerance, "sigma");
        AssertClose.Relative(_r.GetProperty("rss").GetDouble(), fit.Rss, RelativeTolerance, "RSS");
        AssertClose.Relative(_r.GetProperty("loglik").GetDouble(), fit.LogLikelihood, RelativeTolerance, "logLik");
        AssertClose.Relative(_r.GetProperty("aic").GetDouble(), fit.Aic, RelativeTolerance, "AIC");
        AssertClose.Relative(_r.GetProperty("bic").GetDouble(), fit.Bic, RelativeTolerance, "BIC");
    }

    [Fact]
    public void A_column_of_ones_is_found_as_the_intercept()
    {
        OlsFit fit = Ols.Fit(_r.GetProperty("x").Matrix(), _r.GetProperty("y").Doubles(), _r.GetProperty("names").Strings(),
            new OlsOptions(CovarianceKind.Classical));

        AssertClose.Relative(_r.GetProperty("r_squared").GetDouble(), fit.RSquared, RelativeTolerance, "R² (centred)");
        Assert.Equal(_r.GetProperty("f_df1").GetDouble(), fit.FDf1);
    }

    [Theory]
    [InlineData("hc1", CovarianceKind.Hc1)]
    [InlineData("cr1", CovarianceKind.ClusterCr1)]
    public void Robust_wald_f_matches_r(string block, CovarianceKind kind)
    {
        JsonElement wald = _r.GetProperty(block).GetProperty("wald");

        OlsFit fit = Fit(kind, 0.95);

        AssertClose.Relative(wald.GetProperty("f").GetDouble(), fit.WaldF, RelativeTolerance, "Wald F");
        Assert.Equal(wald.GetProperty("df1").GetDouble(), fit.FDf1);
        Assert.Equal(wald.GetProperty("df2").GetDouble(), fit.WaldDf2);
        AssertClose.Relative(wald.GetProperty("p").GetDouble(), fit.WaldPValue, PValueTolerance, "p(Wald F)");
    }

    internal static OlsFit Fit(CovarianceKind kind, double level) =>
        Ols.Fit(_r.GetProperty("x").Matrix(), _r.GetProperty("y").Doubles(), _r.GetProperty("names").Strings(),
            new OlsOptions(kind, level, InterceptColumn: 0), ClusterIds(_r.GetProperty("clusters").Strings()));

    internal static int[] ClusterIds(string[] labels)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return labels.Select(l => ids.TryGetValue(l, out int id) ? id : ids[l] = ids.Count).ToArray();
    }

    internal static void AssertTable(JsonElement expected, OlsFit fit)
    {
        string[] names = expected.GetProperty("names").Strings();
        Assert.Equal(names, fit.Names);
        Compare(expected, "coefficients", fit.Coefficients, RelativeTolerance, names);
        Compare(expected, "se", fit.StandardErrors, RelativeTolerance, names);
        Compare(expected, "t", fit.TStatistics, RelativeTolerance, names);
        Compare(expected, "p", fit.PValues, PValueTolerance, names);
        Compare(expected, "p_normal", fit.NormalPValues, PValueTolerance, names);
        Compare(expected, "lower", fit.ConfidenceLower, RelativeTolerance, names);
        Compare(expected, "upper", fit.ConfidenceUpper, RelativeTolerance, names);
    }

    private static void Compare(JsonElement expected, string field, double[] actual, double tolerance, string[] names)
    {
        double[] e = expected.GetProperty(field).Doubles();
        Assert.Equal(e.Length, actual.Length);
        for (int j = 0; j < e.Length; j++)
        {
            AssertClose.Relative(e[j], actual[j], tolerance, $"{field}[{names[j]}]");
        }
    }
}
