using System.Text.Json;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Poisson;

public sealed class PpmlSeparationTests
{
    // fixtures/regression/ppml_synthetic.json, block "separation": glm on the sample without the all-zero economy and
    // without the five rows that "embargo" separates, i.e. what ppmlhdfe fits after dropping them (see ppml_synthetic.R).
    private const double IrlsTolerance = 1e-9; // as in PpmlAgainstGlmTests

    private static readonly JsonElement _r = Fixture.Load("regression/ppml_synthetic");
    private static readonly string[] _names = ["ln_gdp", "openness", "broadband", "embargo"];

    [Fact]
    public void Rows_separated_by_a_regressor_are_dropped_and_the_fit_matches_glm_without_them()
    {
        var (x, y, economy, year, spec) = Sample();

        PoissonFit fit = Ppml.Fit(x, y, _names, economy, year, spec, new PoissonOptions(CovarianceKind.ClusterCr0));

        int[] embargo = _r.GetProperty("embargo_rows").Doubles().Select(v => (int)v).ToArray();
        string[] economies = _r.GetProperty("economy").Strings();
        int[] allZero = Enumerable.Range(0, y.Length).Where(i => economies[i] == _r.GetProperty("separated_economy").GetString()).ToArray();
        Assert.Equal(embargo.Concat(allZero).Order(), fit.SeparatedRows);
        Assert.Equal(["embargo"], fit.DroppedColumns);
        Assert.Equal(2, fit.SeparationNotes.Length);
        Assert.Contains("5 rows with y = 0 dropped: [embargo]", fit.SeparationNotes[0], StringComparison.Ordinal);

        JsonElement expected = _r.GetProperty("separation");
        Assert.Equal(expected.GetProperty("n").GetInt32(), fit.Observations);
        double[] beta = expected.GetProperty("cr0").GetProperty("coefficients").Doubles();
        double[] se = expected.GetProperty("cr0").GetProperty("se").Doubles();
        for (int j = 0; j < beta.Length; j++)
        {
            AssertClose.Relative(beta[j], fit.Coefficients[j], IrlsTolerance, $"beta[{fit.Names[j]}]");
            AssertClose.Relative(se[j], fit.StandardErrors[j], IrlsTolerance, $"se[{fit.Names[j]}]");
        }
    }

    [Fact]
    public void Separation_rounds_over_economy_blocks_find_the_same_rows()
    {
        var (x, y, economy, year, spec) = Sample();
        var blocks = Blocks.Split(x, y, economy);

        SeparationPart combined = PoissonSeparation.Combine(
            blocks.Select(b => PoissonSeparation.Local(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec)).ToArray());
        int[] rows = blocks.SelectMany(b => PoissonSeparation.Rows(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, combined)
            .Select(i => b.Rows[i])).Order().ToArray();

        Assert.Equal([spec.YearDummies + 3], PoissonSeparation.Separating(combined)); // the embargo column of the design
        Assert.Equal(_r.GetProperty("embargo_rows").Doubles().Select(v => (int)v), rows);
    }

    [Fact]
    public void Without_a_separating_regressor_nothing_but_the_all_zero_economy_is_dropped()
    {
        var (x, y, economy, year, spec) = Sample();
        double[,] three = new double[y.Length, 3];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                three[i, j] = x[i, j];
            }
        }

        PoissonFit fit = Ppml.Fit(three, y, _names[..3], economy, year, spec, new PoissonOptions());

        Assert.Empty(fit.DroppedColumns);
        Assert.Equal(12, fit.SeparatedRows.Length);
    }

    private static (double[,] X, double[] Y, int[] Economy, int[] Year, PanelSpec Spec) Sample()
    {
        double[,] slopes = _r.GetProperty("x").Matrix();
        double[] embargo = _r.GetProperty("embargo").Doubles();
        double[] y = _r.GetProperty("y").Doubles();
        var x = new double[y.Length, 4];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = slopes[i, j];
            }

            x[i, 3] = embargo[i];
        }

        int[] years = PpmlAgainstGlmTests.Years(_r.GetProperty("years"));
        return (x, y, OlsAgainstRTests.ClusterIds(_r.GetProperty("economy").Strings()), PpmlAgainstGlmTests.Years(_r.GetProperty("year")),
            new PanelSpec(true, years));
    }
}
