using System.Text.Json;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class OlsIllConditionedTests
{
    // fixtures/regression/ols_ill_conditioned.json comes from ols_ill_conditioned.py: a degree-10 polynomial (x^10 ~ 1e16)
    // beside a 1e-6-scale column; equilibrated condition number ~1.8e7; the normal equations in double lose every digit
    // (the fixture records their error). The reference is exact (mpmath, 80 digits), so the tolerance is the requirement.
    private const double SevenDigits = 1e-7; // the target: at least 7 correct digits on an ill-conditioned design

    private static readonly JsonElement _reference = Fixture.Load("regression/ols_ill_conditioned");

    [Fact]
    public void Coefficients_and_standard_errors_keep_seven_digits()
    {
        double[,] x = _reference.GetProperty("x").Matrix();
        double[] y = _reference.GetProperty("y").Doubles();
        string[] names = _reference.GetProperty("names").Strings();

        OlsFit classical = Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.Classical, InterceptColumn: 0));
        OlsFit hc1 = Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.Hc1, InterceptColumn: 0));

        double[] beta = _reference.GetProperty("coefficients").Doubles();
        double[] seClassical = _reference.GetProperty("se_classical").Doubles();
        double[] seHc1 = _reference.GetProperty("se_hc1").Doubles();
        Assert.Equal(names, classical.Names);
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(beta[j], classical.Coefficients[j], SevenDigits, $"beta[{names[j]}]");
            AssertClose.Relative(seClassical[j], classical.StandardErrors[j], SevenDigits, $"se classical[{names[j]}]");
            AssertClose.Relative(seHc1[j], hc1.StandardErrors[j], SevenDigits, $"se HC1[{names[j]}]");
        }

        AssertClose.Relative(_reference.GetProperty("rss").GetDouble(), classical.Rss, SevenDigits, "RSS");
    }

    [Fact]
    public void Split_into_blocks_gives_the_same_seven_digits()
    {
        double[,] x = _reference.GetProperty("x").Matrix();
        double[] y = _reference.GetProperty("y").Doubles();
        string[] names = _reference.GetProperty("names").Strings();
        int[] blocks = Enumerable.Range(0, y.Length).Select(i => i % 7).ToArray();

        QrPart total = TallSkinnyQr.Combine(Blocks.Split(x, y, blocks).Select(b => TallSkinnyQr.Local(b.X, b.Y)).ToArray());
        double[] beta = Ols.Solve(total, names, new OlsOptions()).Beta;

        double[] expected = _reference.GetProperty("coefficients").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(expected[j], beta[j], SevenDigits, $"beta[{names[j]}]");
        }
    }
}
