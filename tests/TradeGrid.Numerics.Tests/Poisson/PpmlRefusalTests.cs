using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Poisson;

public sealed class PpmlRefusalTests
{
    private static readonly string[] _names = ["ln_gdp", "openness"];

    private static (double[,] X, double[] Y, int[] Entity, int[] Year) Panel(Func<int, int, double> exports)
    {
        const int economies = 6;
        const int years = 8;
        var x = new double[economies * years, 2];
        var y = new double[economies * years];
        var entity = new int[y.Length];
        var year = new int[y.Length];
        for (int e = 0; e < economies; e++)
        {
            for (int t = 0; t < years; t++)
            {
                int i = e * years + t;
                x[i, 0] = 20.0 + e + 0.05 * t + 0.1 * Math.Sin(3.7 * i);
                x[i, 1] = Math.Cos(1.9 * i);
                y[i] = exports(e, t);
                entity[i] = e;
                year[i] = 2010 + t;
            }
        }

        return (x, y, entity, year);
    }

    private static readonly PanelSpec _twoWay = new(true, Enumerable.Range(2010, 8).ToArray());

    [Fact]
    public void An_all_zero_dependent_is_refused()
    {
        var (x, y, entity, year) = Panel((_, _) => 0.0);

        var error = Assert.Throws<InsufficientDataException>(() => Ppml.Fit(x, y, _names, entity, year, _twoWay, new PoissonOptions()));

        Assert.Contains("zero in every row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_all_zero_dependent_is_refused_without_entity_effects_too()
    {
        var (x, y, entity, year) = Panel((_, _) => 0.0);

        var error = Assert.Throws<InsufficientDataException>(
            () => Ppml.Fit(x, y, _names, entity, year, new PanelSpec(false, Enumerable.Range(2010, 8).ToArray()), new PoissonOptions()));

        Assert.Contains("zero in every row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_convergence_is_refused_with_iterations_and_last_change()
    {
        var (x, y, entity, year) = Panel((e, t) => 3 + e + t % 3);

        var error = Assert.Throws<InsufficientDataException>(
            () => Ppml.Fit(x, y, _names, entity, year, _twoWay, new PoissonOptions(MaxIterations: 2)));

        Assert.Contains("did not converge in 2 iterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("last relative deviance change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_dependent_is_refused_naming_the_row()
    {
        var (x, y, entity, year) = Panel((e, t) => e == 2 && t == 5 ? -1.0 : 4.0);

        var error = Assert.Throws<InvalidSpecException>(() => Ppml.Fit(x, y, _names, entity, year, _twoWay, new PoissonOptions()));

        Assert.Contains("Row 21", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regressor_constant_within_economies_is_refused_by_name()
    {
        var (x, y, entity, year) = Panel((e, t) => 3 + e + t % 3);
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 1] = entity[i] * 0.5;
        }

        var error = Assert.Throws<SingularDesignException>(() => Ppml.Fit(x, y, _names, entity, year, _twoWay, new PoissonOptions()));

        Assert.Contains("'openness' is zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sample_is_refused()
    {
        var error = Assert.Throws<InsufficientDataException>(
            () => Ppml.Fit(new double[0, 2], [], _names, [], [], _twoWay, new PoissonOptions()));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_tolerance_is_refused_naming_the_option()
    {
        var (x, y, entity, year) = Panel((e, t) => 3 + e);

        var error = Assert.Throws<InvalidSpecException>(
            () => Ppml.Fit(x, y, _names, entity, year, _twoWay, new PoissonOptions(CovarianceKind.Hc1, Tolerance: 0.5)));

        Assert.Contains("Tolerance", error.Message, StringComparison.Ordinal);
    }
}
