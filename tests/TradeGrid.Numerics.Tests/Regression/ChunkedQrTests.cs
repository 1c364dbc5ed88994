using MathNet.Numerics.LinearAlgebra;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class ChunkedQrTests
{
    // A block of more than 2048 rows is factored chunk by chunk (TSQR inside the block). MathNet's dense Householder
    // QR is an independent implementation of the same backward-stable method: on this well-conditioned design both
    // solve to ~1e-14; 1e-11 leaves room for a different operation order without hiding a wrong chunk boundary.
    private const double IndependentQrTolerance = 1e-11;
    private const double SplitTolerance = 1e-10; // PPML: see PpmlAgainstGlmTests

    private static (double[,] X, double[] Y, int[] Economy, int[] Year) Synthetic(int economies, int years)
    {
        var random = new Random(20260505);
        int n = economies * years;
        var x = new double[n, 4];
        var y = new double[n];
        var economy = new int[n];
        var year = new int[n];
        for (int i = 0; i < n; i++)
        {
            economy[i] = i / years;
            year[i] = 2000 + i % years;
            x[i, 0] = 1.0;
            x[i, 1] = 20.0 + economy[i] % 17 * 0.3 + random.NextDouble();
            x[i, 2] = random.NextDouble() * 2.0 - 1.0;
            x[i, 3] = Math.Sin(i) * 50.0;
            double mu = Math.Exp(-8.0 + 0.45 * x[i, 1] + 0.3 * x[i, 2] + 0.002 * x[i, 3]);
            y[i] = Math.Floor(mu * 2.0 * random.NextDouble());
        }

        return (x, y, economy, year);
    }

    [Fact]
    public void A_block_of_several_chunks_solves_as_a_dense_householder_qr_does()
    {
        var (x, y, _, _) = Synthetic(300, 25); // 7500 rows: four chunks
        string[] names = ["(Intercept)", "ln_gdp", "openness", "broadband"];

        OlsFit fit = Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.Classical));

        Vector<double> reference = Matrix<double>.Build.DenseOfArray(x).QR().Solve(Vector<double>.Build.DenseOfArray(y));
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(reference[j], fit.Coefficients[j], IndependentQrTolerance, $"beta[{names[j]}]");
        }

        Vector<double> residuals = Vector<double>.Build.DenseOfArray(y) - Matrix<double>.Build.DenseOfArray(x) * reference;
        AssertClose.Relative(residuals.DotProduct(residuals), fit.Rss, IndependentQrTolerance, "RSS");
    }

    [Fact]
    public void Ppml_on_one_chunked_block_equals_ppml_split_by_economy()
    {
        var (x, y, economy, year) = Synthetic(120, 25); // 3000 rows in one block: two chunks
        var slopes = new double[y.Length, 3];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                slopes[i, j] = x[i, j + 1];
            }
        }

        string[] names = ["ln_gdp", "openness", "broadband"];
        var spec = new PanelSpec(true, Enumerable.Range(2000, 25).ToArray());
        var options = new PoissonOptions(CovarianceKind.ClusterCr1);
        PoissonFit single = Ppml.Fit(slopes, y, names, economy, year, spec, options);

        var blocks = Blocks.Split(slopes, y, economy);
        var irls = new PoissonIterations(names, spec, options);
        while (!irls.Converged)
        {
            irls.Add(blocks.Select(b => Ppml.Local(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Beta)).ToArray());
        }

        PoissonFit split = irls.Finish(blocks.Select(b => Ppml.Scores(b.X, b.Y, Blocks.Take(economy, b.Rows), Blocks.Take(year, b.Rows), spec, irls.Basis, meat: false)).ToArray());

        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(single.Coefficients[j], split.Coefficients[j], SplitTolerance, $"beta[{names[j]}]");
            AssertClose.Relative(single.StandardErrors[j], split.StandardErrors[j], SplitTolerance, $"se[{names[j]}]");
        }
    }
}
