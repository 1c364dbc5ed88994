using System.Text.Json;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class DigitalExportsRealDataTests
{
    // fixtures/regression/digital_exports_real.json comes from digital_exports_real.R: UNCTAD digitally deliverable
    // services exports of 163 countries, 2010–2022, on WDI, Chinn-Ito and WGI drivers (the cross-country analogue of
    // the RCEP paper's model). OLS on logs with year effects (lm + vcovCL HC1) and PPML with economy and year effects
    // (glm poisson restarted at its solution + vcovCL HC0/HC1), both clustered by economy.
    private const double RelativeTolerance = 1e-9; // OLS: the same least-squares problem; PPML: see PpmlAgainstGlmTests
    private const double PValueTolerance = 1e-8;   // p-values amplify t's relative error by about t²

    private static readonly JsonElement _r = Fixture.Load("regression/digital_exports_real");

    [Fact]
    public void Ols_on_logs_with_year_dummies_clustered_by_economy_matches_lm()
    {
        JsonElement ols = _r.GetProperty("ols");
        var (x, y, economy, year) = LoggedDesign();

        OlsFit fit = Ols.Fit(x, y, ols.GetProperty("names").Strings(), new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0), economy);

        OlsAgainstRTests.AssertTable(ols.GetProperty("cr1"), fit);
        Assert.Equal(ols.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(ols.GetProperty("g").GetInt32(), fit.Clusters);
        AssertClose.Relative(ols.GetProperty("r_squared").GetDouble(), fit.RSquared, RelativeTolerance, "R²");
        AssertClose.Relative(ols.GetProperty("adj_r_squared").GetDouble(), fit.AdjustedRSquared, RelativeTolerance, "adjusted R²");
        Assert.Equal(year.Length, economy.Length);
    }

    [Fact]
    public void The_same_model_as_absorbed_year_effects_gives_lm_slopes_and_cluster_errors()
    {
        JsonElement cr1 = _r.GetProperty("ols").GetProperty("cr1");
        int[] rows = Rows();
        double[,] slopes = Take(_r.GetProperty("x").Matrix(), rows);
        double[] y = rows.Select(i => Math.Log(_r.GetProperty("y").Doubles()[i])).ToArray();
        int[] economy = Take(OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings()), rows);
        int[] year = Take(Years("year"), rows);

        OlsFit fit = FixedEffects.Fit(slopes, y, _r.GetProperty("names").Strings(), economy, year,
            new PanelSpec(false, year.Distinct().Order().ToArray()), new OlsOptions(CovarianceKind.ClusterCr1));

        AssertClose.Relative(_r.GetProperty("ols").GetProperty("r_squared").GetDouble(), fit.RSquared, RelativeTolerance, "R²");
        AssertClose.Relative(_r.GetProperty("ols").GetProperty("adj_r_squared").GetDouble(), fit.AdjustedRSquared, RelativeTolerance, "adjusted R²");
        double[] beta = cr1.GetProperty("coefficients").Doubles();
        double[] se = cr1.GetProperty("se").Doubles();
        for (int j = 0; j < fit.Names.Length; j++)
        {
            AssertClose.Relative(beta[j + 1], fit.Coefficients[j], RelativeTolerance, $"beta[{fit.Names[j]}]");
            AssertClose.Relative(se[j + 1], fit.StandardErrors[j], RelativeTolerance, $"se[{fit.Names[j]}]");
        }
    }

    [Theory]
    [InlineData("cr0", CovarianceKind.ClusterCr0)]
    [InlineData("cr1", CovarianceKind.ClusterCr1)]
    public void Ppml_with_economy_and_year_effects_clustered_by_economy_matches_glm(string block, CovarianceKind kind)
    {
        JsonElement ppml = _r.GetProperty("ppml");

        PoissonFit fit = Ppml.Fit(_r.GetProperty("x").Matrix(), _r.GetProperty("y").Doubles(), _r.GetProperty("names").Strings(),
            OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings()), Years("year"), new PanelSpec(true, Years("years")), new PoissonOptions(kind));

        JsonElement expected = ppml.GetProperty(block);
        string[] names = expected.GetProperty("names").Strings();
        Assert.Equal(names, fit.Names);
        double[] beta = expected.GetProperty("coefficients").Doubles();
        double[] se = expected.GetProperty("se").Doubles();
        double[] p = expected.GetProperty("p").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(beta[j], fit.Coefficients[j], RelativeTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(se[j], fit.StandardErrors[j], RelativeTolerance, $"se[{names[j]}]");
            AssertClose.Relative(p[j], fit.PValues[j], PValueTolerance, $"p[{names[j]}]");
        }

        Assert.Equal(ppml.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(ppml.GetProperty("g").GetInt32(), fit.Clusters);
        Assert.Equal(ppml.GetProperty("k_all").GetInt32(), fit.Parameters + fit.AbsorbedParameters);
        Assert.Equal(ppml.GetProperty("separated_rows").GetInt32(), fit.SeparatedRows.Length);
        AssertClose.Relative(ppml.GetProperty("deviance").GetDouble(), fit.Deviance, RelativeTolerance, "deviance");
        AssertClose.Relative(ppml.GetProperty("pseudo_r2").GetDouble(), fit.PseudoRSquared, RelativeTolerance, "pseudo R²");
    }

    /// <summary>lm's model matrix: (Intercept), the slopes, then a dummy per year after the first.</summary>
    private static (double[,] X, double[] Y, int[] Economy, int[] Year) LoggedDesign()
    {
        int[] rows = Rows();
        double[,] slopes = _r.GetProperty("x").Matrix();
        double[] exports = _r.GetProperty("y").Doubles();
        int[] economy = OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings());
        int[] year = Years("year");
        int[] years = rows.Select(i => year[i]).Distinct().Order().ToArray();
        int k = slopes.GetLength(1);
        var x = new double[rows.Length, 1 + k + years.Length - 1];
        var y = new double[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r];
            x[r, 0] = 1.0;
            for (int j = 0; j < k; j++)
            {
                x[r, 1 + j] = slopes[i, j];
            }

            int t = Array.IndexOf(years, year[i]);
            if (t > 0)
            {
                x[r, k + t] = 1.0;
            }

            y[r] = Math.Log(exports[i]);
        }

        return (x, y, Take(economy, rows), Take(year, rows));
    }

    private static int[] Rows() => _r.GetProperty("ols").GetProperty("rows").Doubles().Select(v => (int)v).ToArray();

    private static int[] Years(string field) => _r.GetProperty(field).Doubles().Select(v => (int)v).ToArray();

    private static T[] Take<T>(T[] values, int[] rows) => rows.Select(i => values[i]).ToArray();

    private static double[,] Take(double[,] x, int[] rows)
    {
        var s = new double[rows.Length, x.GetLength(1)];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int j = 0; j < x.GetLength(1); j++)
            {
                s[r, j] = x[rows[r], j];
            }
        }

        return s;
    }
}
