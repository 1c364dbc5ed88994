using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class OlsRefusalTests
{
    private static readonly string[] _names = ["(Intercept)", "ln_gdp", "ln_gdp_copy", "openness"];

    private static (double[,] X, double[] Y) Design(int n, bool duplicate)
    {
        var x = new double[n, 4];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double gdp = 20.0 + 0.37 * i + Math.Sin(i);
            double open = Math.Cos(1.3 * i);
            x[i, 0] = 1.0;
            x[i, 1] = gdp;
            x[i, 2] = duplicate ? gdp : gdp * gdp;
            x[i, 3] = open;
            y[i] = 1.0 + 0.5 * gdp - 0.2 * open + 0.1 * Math.Sin(7.1 * i);
        }

        return (x, y);
    }

    [Fact]
    public void Identical_regressors_are_refused_naming_both()
    {
        var (x, y) = Design(30, duplicate: true);

        var error = Assert.Throws<SingularDesignException>(() => Ols.Fit(x, y, _names, new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("[ln_gdp, ln_gdp_copy]", error.Message, StringComparison.Ordinal);
        Assert.Contains("drop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collinear_columns_are_dropped_and_reported_when_asked()
    {
        var (x, y) = Design(30, duplicate: true);

        OlsFit fit = Ols.Fit(x, y, _names, new OlsOptions(CovarianceKind.Hc1, DropCollinear: true, InterceptColumn: 0));

        Assert.Equal(["ln_gdp_copy"], fit.DroppedColumns);
        Assert.Equal(["(Intercept)", "ln_gdp", "openness"], fit.Names);
        Assert.Equal(3, fit.Parameters);
        Assert.Equal(27, fit.ResidualDf);
    }

    [Fact]
    public void A_zero_column_is_named()
    {
        var (x, y) = Design(30, duplicate: false);
        for (int i = 0; i < 30; i++)
        {
            x[i, 3] = 0.0;
        }

        var error = Assert.Throws<SingularDesignException>(() => Ols.Fit(x, y, _names, new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("'openness' is zero", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(1)]
    public void N_not_above_K_is_refused(int n)
    {
        var (x, y) = Design(n, duplicate: false);

        var error = Assert.Throws<InsufficientDataException>(() => Ols.Fit(x, y, _names, new OlsOptions(CovarianceKind.Classical)));

        Assert.Contains("N must exceed K", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sample_is_refused()
    {
        var error = Assert.Throws<InsufficientDataException>(() => Ols.Fit(new double[0, 4], [], _names, new OlsOptions()));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_confidence_level_outside_the_unit_interval_is_refused(double level)
    {
        var (x, y) = Design(30, duplicate: false);

        var error = Assert.Throws<InvalidSpecException>(() => Ols.Fit(x, y, _names, new OlsOptions(ConfidenceLevel: level)));

        Assert.Contains("ConfidenceLevel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_cluster_is_refused()
    {
        var (x, y) = Design(30, duplicate: false);

        var error = Assert.Throws<InsufficientDataException>(
            () => Ols.Fit(x, y, _names, new OlsOptions(CovarianceKind.ClusterCr1), new int[30]));

        Assert.Contains("at least 2 clusters", error.Message, StringComparison.Ordinal);
    }
}
