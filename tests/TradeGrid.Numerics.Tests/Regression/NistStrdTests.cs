using System.Globalization;
using TradeGrid.Numerics.Regression;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Regression;

/// <summary>
/// The NIST StRD linear least-squares datasets (fixtures/regression/nist/*.dat, NIST's files unchanged, with their
/// certified values computed in 500-digit arithmetic; provenance in fixtures/regression/nist/README.md). Accuracy is the
/// log relative error LRE = −log10(|b − c| / |c|) (−log10 |b − c| when c = 0), NIST's and McCullough's measure: the number
/// of correct significant digits. The requirement: LRE ≥ 9 on every coefficient and standard error, Filip ≥ 8.
/// </summary>
public sealed class NistStrdTests(ITestOutputHelper output)
{
    private const double RequiredDigits = 9.0;
    private const double FilipDigits = 8.0; // condition number ~1.8e15: beyond R's lm (7.2 with tol = 1e-10, x^10 dropped at the default)

    // Filip's x^10 lies within ~1e-8 of the span of the lower powers; R's lm needs tol = 1e-10 to keep it, and so do we.
    private const double FilipCollinearityTolerance = 1e-10;

    [Theory]
    [InlineData("Norris", 1, true)]
    [InlineData("Pontius", 2, true)]
    [InlineData("NoInt1", 1, false)]
    [InlineData("NoInt2", 1, false)]
    [InlineData("Filip", 10, true)]
    [InlineData("Longley", 0, true)]
    [InlineData("Wampler1", 5, true)]
    [InlineData("Wampler2", 5, true)]
    [InlineData("Wampler3", 5, true)]
    [InlineData("Wampler4", 5, true)]
    [InlineData("Wampler5", 5, true)]
    public void Coefficients_and_standard_errors_reach_the_certified_digits(string name, int degree, bool intercept)
    {
        NistDataset data = NistDataset.Load(name);
        (double[,] x, string[] names) = data.Design(degree, intercept);
        var options = new OlsOptions(CovarianceKind.Classical, CollinearityTolerance: name == "Filip" ? FilipCollinearityTolerance : 1e-7,
            InterceptColumn: intercept ? 0 : -1);

        // Polynomials go through FitPolynomial (powers formed in double-double); the general path is reported beside it.
        OlsFit general = Ols.Fit(x, data.Y, names, options);
        OlsFit fit = degree >= 2 ? Ols.FitPolynomial(data.Predictors.Select(p => p[0]).ToArray(), data.Y, degree, intercept, options) : general;

        (double worst, string report) = Digits(data, fit);
        (double worstGeneral, _) = Digits(data, general);
        double sigma = Lre(Math.Sqrt(fit.Rss / fit.ResidualDf), data.ResidualStandardDeviation);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: min LRE {worst:F1} (coefficient/SE: {report}); residual SD {sigma:F1}; Ols.Fit on double powers {worstGeneral:F1}"));
        Assert.Equal(data.Estimates.Length, fit.Coefficients.Length);
        Assert.True(worst >= (name == "Filip" ? FilipDigits : RequiredDigits), $"{name}: {worst:F2} digits; {report}");
        Assert.True(sigma >= (name == "Filip" ? FilipDigits : RequiredDigits), $"{name}: residual SD {sigma:F2} digits");
    }

    private static (double Worst, string Report) Digits(NistDataset data, OlsFit fit)
    {
        double worst = double.PositiveInfinity;
        var report = new List<string>();
        for (int j = 0; j < data.Estimates.Length; j++)
        {
            double b = Lre(fit.Coefficients[j], data.Estimates[j]);
            double s = Lre(fit.StandardErrors[j], data.StandardErrors[j]);
            worst = Math.Min(worst, Math.Min(b, s));
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{fit.Names[j]} {b:F1}/{s:F1}"));
        }

        return (worst, string.Join(", ", report));
    }

    /// <summary>Log relative error, capped at 15 (agreement to the certified values' printed digits).</summary>
    private static double Lre(double value, double certified)
    {
        double error = certified == 0.0 ? Math.Abs(value) : Math.Abs(value - certified) / Math.Abs(certified);
        return error == 0.0 ? 15.0 : Math.Min(15.0, -Math.Log10(error));
    }
}
