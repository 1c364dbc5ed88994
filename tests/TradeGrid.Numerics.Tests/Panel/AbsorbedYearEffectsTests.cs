using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Panel;

/// <summary>
/// The one-process fits absorb the year effects (EffectAbsorber); the split path (a block per economy) still carries
/// them as dummy columns of a QR. Two algorithms for one model: they must agree on panels where the year dummies are
/// not all identified, which the R fixtures do not cover.
/// </summary>
public sealed class AbsorbedYearEffectsTests
{
    private const double LinearTolerance = 1e-10;  // the same least-squares problem, by a projection or by a QR
    private const double PoissonTolerance = 1e-9;  // the same IRLS iterates; a difference in β at rounding moves μ as much
    private static readonly string[] _names = ["x1", "x2"];

    [Fact]
    public void Two_disconnected_sets_of_years_drop_one_dummy_and_match_the_dummy_columns()
    {
        (double[,] x, double[] y, int[] entity, int[] year) = Disconnected(seed: 7);
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var options = new OlsOptions(CovarianceKind.ClusterCr1);

        OlsFit absorbed = FixedEffects.Fit(x, y, _names, entity, year, spec, options);
        OlsFit dummies = WithDummyColumns(x, y, entity, year, spec, options);

        // 11 years: 10 dummies, one of which the two disconnected sets of entities leave unidentified.
        Assert.Equal(dummies.ResidualDf, absorbed.ResidualDf);
        Assert.Equal(dummies.AbsorbedParameters, absorbed.AbsorbedParameters);
        Assert.Equal(y.Length - entity.Distinct().Count() - 9 - 2, absorbed.ResidualDf);
        for (int j = 0; j < _names.Length; j++)
        {
            AssertClose.Relative(dummies.Coefficients[j], absorbed.Coefficients[j], LinearTolerance, $"beta[{_names[j]}]");
            AssertClose.Relative(dummies.StandardErrors[j], absorbed.StandardErrors[j], LinearTolerance, $"se[{_names[j]}]");
        }

        AssertClose.Relative(dummies.WithinRSquared, absorbed.WithinRSquared, LinearTolerance, "within R²");
        AssertClose.Relative(dummies.Rss, absorbed.Rss, LinearTolerance, "RSS");
    }

    [Fact]
    public void Ppml_on_disconnected_years_matches_the_dummy_columns()
    {
        (double[,] x, double[] logY, int[] entity, int[] year) = Disconnected(seed: 11);
        double[] y = logY.Select((v, i) => i % 17 == 3 ? 0.0 : Math.Exp(v)).ToArray();
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var options = new PoissonOptions(CovarianceKind.ClusterCr0);

        PoissonFit absorbed = Ppml.Fit(x, y, _names, entity, year, spec, options);
        var blocks = Blocks.Split(x, y, entity);
        var irls = new PoissonIterations(_names, spec, options);
        while (!irls.Converged)
        {
            irls.Add(blocks.Select(b => Ppml.Local(b.X, b.Y, Blocks.Take(entity, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Beta)).ToArray());
        }

        PoissonFit dummies = irls.Finish(blocks.Select(b => Ppml.Scores(b.X, b.Y, Blocks.Take(entity, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Basis)).ToArray());

        Assert.Equal(dummies.Iterations, absorbed.Iterations);
        Assert.Equal(dummies.AbsorbedParameters, absorbed.AbsorbedParameters);
        for (int j = 0; j < _names.Length; j++)
        {
            AssertClose.Relative(dummies.Coefficients[j], absorbed.Coefficients[j], PoissonTolerance, $"beta[{_names[j]}]");
            AssertClose.Relative(dummies.StandardErrors[j], absorbed.StandardErrors[j], PoissonTolerance, $"se[{_names[j]}]");
        }

        AssertClose.Relative(dummies.Deviance, absorbed.Deviance, PoissonTolerance, "deviance");
    }

    [Fact]
    public void A_regressor_that_varies_only_by_year_is_refused_as_collinear_with_the_effects()
    {
        (double[,] x, double[] y, int[] entity, int[] year) = Disconnected(seed: 3);
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 1] = Math.Sqrt(year[i] - 1990.0); // a world price: the same for every economy in a year
        }

        var error = Assert.Throws<SingularDesignException>(() => FixedEffects.Fit(x, y, _names, entity, year,
            new PanelSpec(true, year.Distinct().Order().ToArray()), new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("'x2' is collinear with the fixed effects", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The same model by the split path: every entity a block, the year dummies columns of each block's QR.</summary>
    private static OlsFit WithDummyColumns(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, OlsOptions options)
    {
        var blocks = Blocks.Split(x, y, entity);
        QrPart total = TallSkinnyQr.Combine(blocks.Select(b => FixedEffects.Local(b.X, b.Y, Blocks.Take(entity, b.Rows), Blocks.Take(year, b.Rows), spec)).ToArray());
        ScoreBasis basis = FixedEffects.Solve(total, _names, spec, options);
        ScorePart[] scores = blocks.Select(b => FixedEffects.Scores(b.X, b.Y, Blocks.Take(entity, b.Rows), Blocks.Take(year, b.Rows), spec, basis)).ToArray();
        return FixedEffects.Finish(total, scores, _names, spec, options);
    }

    /// <summary>
    /// Twelve entities: six observed in 2000–2005, six in 2005–2010 except that the second set never shares a year with
    /// the first (2005 is the first set's only), so the year effects of the two sets are identified only up to separate
    /// levels and one dummy is redundant. Unbalanced: each entity misses a year.
    /// </summary>
    private static (double[,] X, double[] Y, int[] Entity, int[] Year) Disconnected(int seed)
    {
        var random = new Random(seed);
        var rows = new List<(int Entity, int Year)>();
        for (int e = 0; e < 12; e++)
        {
            int[] years = e < 6 ? [2000, 2001, 2002, 2003, 2004, 2005] : [2006, 2007, 2008, 2009, 2010];
            int skip = years[random.Next(years.Length)];
            rows.AddRange(years.Where(t => t != skip).Select(t => (e, t)));
        }

        var x = new double[rows.Count, 2];
        var y = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            (int e, int t) = rows[i];
            x[i, 0] = 0.3 * e + random.NextDouble();
            x[i, 1] = 0.05 * (t - 2000) + random.NextDouble();
            y[i] = 0.2 * e + 0.1 * (t - 2000) + 0.7 * x[i, 0] - 0.4 * x[i, 1] + 0.3 * (random.NextDouble() - 0.5);
        }

        return (x, y, rows.Select(r => r.Entity).ToArray(), rows.Select(r => r.Year).ToArray());
    }
}
