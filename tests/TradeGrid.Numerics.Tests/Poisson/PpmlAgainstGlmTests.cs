using System.Text.Json;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Poisson;

public sealed class PpmlAgainstGlmTests
{
    // fixtures/regression/ppml_synthetic.json comes from ppml_synthetic.R: glm(family = poisson) with economy and year
    // factors, run to epsilon = 1e-13 and restarted at its solution, and sandwich's vcovHC/vcovCL. Both sides stop an
    // iteration rather than solve exactly, and take different IRLS paths (dummies there, concentrated effects here),
    // so PPML is where a looser tolerance than OLS would be justified. It is not needed: glm restarted at its solution
    // and our extra iteration after convergence both sit at rounding level, measured at ≤ 3e-11 on coefficients and
    // SEs, so the 1e-9 holds with margin. p-values amplify the relative error of t by about t², hence 1e-8.
    private const double IrlsTolerance = 1e-9;
    private const double PValueTolerance = 1e-8;
    private const double SplitTolerance = 1e-10; // same iterations, reordered sums; a 1e-12 difference in β moves μ by as much

    private static readonly JsonElement _r = Fixture.Load("regression/ppml_synthetic");

    [Theory]
    [InlineData("two_way", "classical", CovarianceKind.Classical)]
    [InlineData("two_way", "hc0", CovarianceKind.Hc0)]
    [InlineData("two_way", "hc1", CovarianceKind.Hc1)]
    [InlineData("two_way", "cr0", CovarianceKind.ClusterCr0)]
    [InlineData("two_way", "cr1", CovarianceKind.ClusterCr1)]
    [InlineData("year_only", "classical", CovarianceKind.Classical)]
    [InlineData("year_only", "hc1", CovarianceKind.Hc1)]
    [InlineData("year_only", "cr0", CovarianceKind.ClusterCr0)]
    public void Coefficient_table_matches_glm_and_sandwich(string model, string block, CovarianceKind kind)
    {
        PoissonFit fit = Fit(model, kind);

        JsonElement expected = _r.GetProperty(model).GetProperty(block);
        string[] names = expected.GetProperty("names").Strings();
        Assert.Equal(names, fit.Names);
        Compare(expected, "coefficients", fit.Coefficients, names);
        Compare(expected, "se", fit.StandardErrors, names);
        Compare(expected, "t", fit.TStatistics, names);
        Compare(expected, "p", fit.PValues, names, PValueTolerance);
        Compare(expected, "p_normal", fit.NormalPValues, names, PValueTolerance);
        Compare(expected, "lower", fit.ConfidenceLower, names);
        Compare(expected, "upper", fit.ConfidenceUpper, names);
        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.Df);
    }

    [Theory]
    [InlineData("two_way", "cr0", CovarianceKind.ClusterCr0)]
    [InlineData("two_way", "hc1", CovarianceKind.Hc1)]
    [InlineData("year_only", "cr0", CovarianceKind.ClusterCr0)]
    public void Robust_wald_f_matches_r(string model, string block, CovarianceKind kind)
    {
        JsonElement wald = _r.GetProperty(model).GetProperty(block).GetProperty("wald");

        PoissonFit fit = Fit(model, kind);

        AssertClose.Relative(wald.GetProperty("f").GetDouble(), fit.WaldF, IrlsTolerance, "Wald F");
        Assert.Equal(wald.GetProperty("df1").GetDouble(), fit.WaldDf1);
        Assert.Equal(wald.GetProperty("df2").GetDouble(), fit.WaldDf2);
        AssertClose.Relative(wald.GetProperty("p").GetDouble(), fit.WaldPValue, PValueTolerance, "p(Wald F)");
    }

    [Theory]
    [InlineData("two_way")]
    [InlineData("year_only")]
    public void Fit_statistics_match_glm(string model)
    {
        JsonElement r = _r.GetProperty(model);

        PoissonFit fit = Fit(model, CovarianceKind.ClusterCr0);

        Assert.Equal(r.GetProperty("n").GetInt32(), fit.Observations);
        Assert.Equal(r.GetProperty("k_all").GetInt32(), fit.Parameters + fit.AbsorbedParameters);
        Assert.Equal(r.GetProperty("g").GetInt32(), fit.Clusters);
        AssertClose.Relative(r.GetProperty("deviance").GetDouble(), fit.Deviance, IrlsTolerance, "deviance");
        AssertClose.Relative(r.GetProperty("loglik").GetDouble(), fit.LogLikelihood, IrlsTolerance, "logLik");
        AssertClose.Relative(r.GetProperty("aic").GetDouble(), fit.Aic, IrlsTolerance, "AIC");
        AssertClose.Relative(r.GetProperty("bic").GetDouble(), fit.Bic, IrlsTolerance, "BIC");
        AssertClose.Relative(r.GetProperty("pseudo_r2").GetDouble(), fit.PseudoRSquared, IrlsTolerance, "pseudo R²");
        Assert.True(fit.Converged);
        Assert.InRange(fit.Iterations, 2, 30);
    }

    [Fact]
    public void The_economy_whose_exports_are_all_zero_is_dropped_and_reported()
    {
        string[] economies = _r.GetProperty("economy").Strings();

        PoissonFit fit = Fit("two_way", CovarianceKind.ClusterCr0);

        int[] expected = Enumerable.Range(0, economies.Length).Where(i => economies[i] == _r.GetProperty("separated_economy").GetString()).ToArray();
        Assert.Equal(expected, fit.SeparatedRows);
        Assert.Single(fit.SeparationNotes);
        Assert.Contains("12 rows", fit.SeparationNotes[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CovarianceKind.ClusterCr0)]
    [InlineData(CovarianceKind.Hc1)]
    public void Split_by_economy_then_combine_equals_the_single_process_fit(CovarianceKind kind)
    {
        double[,] x = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        string[] names = _r.GetProperty("names").Strings();
        int[] economy = OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings());
        int[] year = Years(_r.GetProperty("year"));
        PanelSpec spec = new(true, Years(_r.GetProperty("years")));
        var options = new PoissonOptions(kind);
        PoissonFit single = Ppml.Fit(x, y, names, economy, year, spec, options);
        var blocks = Blocks.Split(x, y, economy);

        // The coordinator's loop: every iteration is one gather of the economies' parts.
        var irls = new PoissonIterations(names, spec, options);
        while (!irls.Converged)
        {
            irls.Add(blocks.Select(b => Ppml.Local(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Beta)).ToArray());
        }

        // Final round: each economy (one cluster) returns its whitened score sum and its moments.
        PoissonScorePart[] final = blocks.Select(b => Ppml.Scores(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Basis)).ToArray();
        PoissonFit split = irls.Finish(final);

        Assert.Equal(single.Iterations, split.Iterations);
        Assert.Equal(single.Observations, split.Observations);
        Assert.Equal(single.Groups, split.Groups);
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(single.Coefficients[j], split.Coefficients[j], SplitTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(single.StandardErrors[j], split.StandardErrors[j], SplitTolerance, $"se[{names[j]}]");
        }

        AssertClose.Relative(single.Deviance, split.Deviance, SplitTolerance, "deviance");
        AssertClose.Relative(single.PseudoRSquared, split.PseudoRSquared, SplitTolerance, "pseudo R²");
    }

    [Fact]
    public void Pooled_ppml_with_explicit_year_dummies_matches_glm_with_year_factors()
    {
        double[,] slopes = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        string[] economies = _r.GetProperty("economy").Strings();
        int[] year = Years(_r.GetProperty("year"));
        int[] years = Years(_r.GetProperty("years"));
        int[] rows = Enumerable.Range(0, y.Length).Where(i => economies[i] != _r.GetProperty("separated_economy").GetString()).ToArray();
        var x = new double[rows.Length, years.Length + 3];
        for (int r = 0; r < rows.Length; r++)
        {
            x[r, Array.IndexOf(years, year[rows[r]])] = 1.0;
            for (int j = 0; j < 3; j++)
            {
                x[r, years.Length + j] = slopes[rows[r], j];
            }
        }

        string[] names = years.Select(t => $"y{t}").Concat(_r.GetProperty("names").Strings()).ToArray();
        int[] economy = Blocks.Take(OlsAgainstRTests.ClusterIds(economies), rows);
        PoissonFit fit = Ppml.Fit(x, Blocks.Take(y, rows), names, economy, Blocks.Take(year, rows), PanelSpec.None, new PoissonOptions(CovarianceKind.ClusterCr0), economy);

        JsonElement expected = _r.GetProperty("year_only").GetProperty("cr0");
        double[] beta = expected.GetProperty("coefficients").Doubles();
        double[] se = expected.GetProperty("se").Doubles();
        for (int j = 0; j < 3; j++)
        {
            AssertClose.Relative(beta[j], fit.Coefficients[years.Length + j], IrlsTolerance, $"beta[{names[years.Length + j]}]");
            AssertClose.Relative(se[j], fit.StandardErrors[years.Length + j], IrlsTolerance, $"se[{names[years.Length + j]}]");
        }
    }

    internal static int[] Years(JsonElement e) => e.Doubles().Select(v => (int)v).ToArray();

    private static PoissonFit Fit(string model, CovarianceKind kind)
    {
        double[,] x = _r.GetProperty("x").Matrix();
        double[] y = _r.GetProperty("y").Doubles();
        string[] economies = _r.GetProperty("economy").Strings();
        int[] economy = OlsAgainstRTests.ClusterIds(economies);
        int[] year = Years(_r.GetProperty("year"));
        int[] years = Years(_r.GetProperty("years"));
        if (model == "two_way")
        {
            return Ppml.Fit(x, y, _r.GetProperty("names").Strings(), economy, year, new PanelSpec(true, years), new PoissonOptions(kind));
        }

        // Without economy effects nothing is separated: R fits the sample without the all-zero economy, so do we.
        int[] rows = Enumerable.Range(0, y.Length).Where(i => economies[i] != _r.GetProperty("separated_economy").GetString()).ToArray();
        (double[,] bx, double[] by, _) = Blocks.Split(x, y, Enumerable.Range(0, y.Length).Select(i => rows.Contains(i) ? 0 : 1).ToArray())[0];
        return Ppml.Fit(bx, by, _r.GetProperty("names").Strings(), Blocks.Take(economy, rows), Blocks.Take(year, rows),
            new PanelSpec(false, years), new PoissonOptions(kind), Blocks.Take(economy, rows));
    }

    private static void Compare(JsonElement expected, string field, double[] actual, string[] names, double tolerance = IrlsTolerance)
    {
        double[] e = expected.GetProperty(field).Doubles();
        for (int j = 0; j < e.Length; j++)
        {
            AssertClose.Relative(e[j], actual[j], tolerance, $"{field}[{names[j]}]");
        }
    }
}
