using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Poisson;

/// <summary>
/// The one-process PPML with entity and year effects runs its iterations on small normal equations (NewtonPpml) and
/// falls back to a QR at every iteration (AbsorbedPpml.ByQr) near the edge. Two algorithms for one model: they must
/// give the same fit, and the fast one must step aside where the QR path has to decide.
/// </summary>
public sealed class NewtonPpmlTests
{
    private const double Tolerance = 1e-9; // the same IRLS iterates; only rounding differs
    private static readonly string[] _names = ["x1", "x2", "x3"];

    [Theory]
    [InlineData(CovarianceKind.ClusterCr0, false)]
    [InlineData(CovarianceKind.ClusterCr1, true)]
    [InlineData(CovarianceKind.Hc1, false)]
    [InlineData(CovarianceKind.Hc0, false)]
    [InlineData(CovarianceKind.Classical, false)]
    public void Normal_equation_iterations_give_the_fit_of_the_qr_path(CovarianceKind kind, bool clusterByOther)
    {
        (double[,] x, double[] y, int[] entity, int[] year, int[] region) = Panel(seed: 5, entities: 90, years: 14);
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var options = new PoissonOptions(kind);
        var block = new PoissonBlock(x, y, entity, year, spec);
        int[] clusters = clusterByOther ? Rows.Take(region, block.Kept) : block.Entity;

        PoissonFit? fast = NewtonPpml.TryFit(block, _names, spec, options, clusters);
        PoissonFit exact = AbsorbedPpml.ByQr(block, _names, spec, options, clusters);

        Assert.NotNull(fast);
        SamePoissonFit.Assert(exact, fast, Tolerance);
    }

    [Fact]
    public void Rows_out_of_entity_order_give_the_same_fit()
    {
        (double[,] x, double[] y, int[] entity, int[] year, _) = Panel(seed: 9, entities: 40, years: 10);
        int[] shuffled = Enumerable.Range(0, y.Length).OrderBy(i => (i * 7919) % y.Length).ToArray();
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var options = new PoissonOptions(CovarianceKind.ClusterCr0);

        PoissonFit ordered = Ppml.Fit(x, y, _names, entity, year, spec, options);
        PoissonFit mixed = Ppml.Fit(Rows.Take(x, shuffled), Rows.Take(y, shuffled), _names, Rows.Take(entity, shuffled), Rows.Take(year, shuffled), spec, options);

        for (int j = 0; j < _names.Length; j++)
        {
            AssertClose.Relative(ordered.Coefficients[j], mixed.Coefficients[j], Tolerance, $"beta[{_names[j]}]");
            AssertClose.Relative(ordered.StandardErrors[j], mixed.StandardErrors[j], Tolerance, $"se[{_names[j]}]");
        }
    }

    [Fact]
    public void A_slope_collinear_with_the_others_is_left_to_the_qr_path()
    {
        (double[,] x, double[] y, int[] entity, int[] year, _) = Panel(seed: 13, entities: 30, years: 8);
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 2] = 2.0 * x[i, 0] - x[i, 1];
        }

        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var block = new PoissonBlock(x, y, entity, year, spec);

        Assert.Null(NewtonPpml.TryFit(block, _names, spec, new PoissonOptions(), block.Entity));
        var refused = Assert.Throws<SingularDesignException>(() => Ppml.Fit(x, y, _names, entity, year, spec, new PoissonOptions()));
        Assert.Contains("x3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_rows_in_any_kept_entity_is_left_to_the_qr_path()
    {
        (double[,] x, double[] y, int[] entity, int[] year, _) = Panel(seed: 17, entities: 30, years: 8);
        int[] years = [.. year.Distinct().Order(), 3000];
        var spec = new PanelSpec(true, years);
        var block = new PoissonBlock(x, y, entity, year, spec);

        Assert.Null(NewtonPpml.TryFit(block, _names, spec, new PoissonOptions(), block.Entity));
    }

    /// <summary>
    /// Entities × years with entity effects correlated with x1, year effects, true slopes (0.8, −0.5, 0.3), multiplicative
    /// lognormal noise and about 5% zeros; a second clustering (regions of five entities) for CR1.
    /// </summary>
    internal static (double[,] X, double[] Y, int[] Entity, int[] Year, int[] Region) Panel(int seed, int entities, int years)
    {
        var random = new Random(seed);
        int n = entities * years;
        var x = new double[n, 3];
        var y = new double[n];
        var entity = new int[n];
        var year = new int[n];
        var region = new int[n];
        double[] yearEffect = Enumerable.Range(0, years).Select(t => 0.05 * t + 0.2 * random.NextDouble()).ToArray();
        for (int g = 0; g < entities; g++)
        {
            double alpha = random.NextDouble() * 2.0;
            for (int t = 0; t < years; t++)
            {
                int i = g * years + t;
                entity[i] = 100 + g;
                year[i] = 2000 + t;
                region[i] = g / 5;
                x[i, 0] = alpha + random.NextDouble();
                x[i, 1] = 10.0 + 3.0 * random.NextDouble();
                x[i, 2] = random.NextDouble() - 0.5 + 0.1 * t;
                double eta = alpha + yearEffect[t] + 0.8 * x[i, 0] - 0.5 * (x[i, 1] - 10.0) + 0.3 * x[i, 2];
                double noise = Math.Exp(0.3 * (random.NextDouble() - 0.5));
                y[i] = random.NextDouble() < 0.05 ? 0.0 : Math.Exp(eta) * noise;
            }
        }

        return (x, y, entity, year, region);
    }
}
