using TradeGrid.Api.V1;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Api.Tests.Support;

/// <summary>Compares every number of a served fit with the single-process numerics fit of the same rows, two-sided and relative.</summary>
public static class FitAssert
{
    public static void Same(OlsFit expected, ModelFit actual, double tolerance)
    {
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.Names, actual.Coefficients.Select(c => c.Name));
        Coefficients(expected.Coefficients, expected.StandardErrors, expected.TStatistics, expected.PValues, expected.NormalPValues,
            expected.ConfidenceLower, expected.ConfidenceUpper, actual, tolerance);
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.Parameters, actual.Parameters);
        Assert.Equal(expected.AbsorbedParameters, actual.AbsorbedParameters);
        Assert.Equal(expected.Clusters, actual.Clusters);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.ResidualDf, actual.ResidualDf);
        Close(expected.Df, actual.Df, tolerance, "df");
        Close(expected.RSquared, actual.RSquared, tolerance, "R²");
        Close(expected.AdjustedRSquared, actual.AdjRSquared, tolerance, "adjusted R²");
        Close(expected.WithinRSquared, actual.WithinRSquared, tolerance, "within R²");
        Close(expected.FStatistic, actual.FStatistic, tolerance, "F");
        Close(expected.FPValue, actual.FPValue, tolerance, "F p");
        Close(expected.WaldF, actual.WaldF, tolerance, "Wald F");
        Close(expected.WaldPValue, actual.WaldPValue, tolerance, "Wald p");
        Close(expected.Sigma, actual.Sigma, tolerance, "sigma");
        Close(expected.Rss, actual.Rss, tolerance, "RSS");
        Close(expected.LogLikelihood, actual.LogLikelihood, tolerance, "log-likelihood");
        Close(expected.Aic, actual.Aic, tolerance, "AIC");
        Close(expected.Bic, actual.Bic, tolerance, "BIC");
        Matrix(expected.Covariance, actual, tolerance);
    }

    public static void Same(PoissonFit expected, ModelFit actual, double tolerance)
    {
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.Names, actual.Coefficients.Select(c => c.Name));
        Coefficients(expected.Coefficients, expected.StandardErrors, expected.TStatistics, expected.PValues, expected.NormalPValues,
            expected.ConfidenceLower, expected.ConfidenceUpper, actual, tolerance);
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.Parameters, actual.Parameters);
        Assert.Equal(expected.AbsorbedParameters, actual.AbsorbedParameters);
        Assert.Equal(expected.Clusters, actual.Clusters);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.Iterations, actual.Iterations);
        Assert.True(actual.Converged);
        Close(expected.Df, actual.Df, tolerance, "df");
        Close(expected.Deviance, actual.Deviance, tolerance, "deviance");
        Close(expected.PseudoRSquared, actual.PseudoRSquared, tolerance, "pseudo R²");
        Close(expected.LogLikelihood, actual.LogLikelihood, tolerance, "log-likelihood");
        Close(expected.Aic, actual.Aic, tolerance, "AIC");
        Close(expected.Bic, actual.Bic, tolerance, "BIC");
        Close(expected.WaldF, actual.WaldF, tolerance, "Wald F");
        Close(expected.WaldPValue, actual.WaldPValue, tolerance, "Wald p");
        Matrix(expected.Covariance, actual, tolerance);
    }

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        // Relative, two-sided; absolute below 1e-300 where a relative error means nothing.
        double error = Math.Abs(expected) < 1e-300 ? Math.Abs(actual - expected) : Math.Abs(actual / expected - 1.0);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (error {error:G3} > {tolerance:G3})");
    }

    private static void Coefficients(double[] beta, double[] se, double[] t, double[] p, double[] normal, double[] lower, double[] upper, ModelFit actual, double tolerance)
    {
        for (int j = 0; j < beta.Length; j++)
        {
            FitCoefficient c = actual.Coefficients[j];
            Close(beta[j], c.Estimate, tolerance, c.Name + " estimate");
            Close(se[j], c.StdError, tolerance, c.Name + " SE");
            Close(t[j], c.TValue, tolerance, c.Name + " t");
            Close(p[j], c.PValue, tolerance, c.Name + " p");
            Close(normal[j], c.PValueNormal, tolerance, c.Name + " normal p");
            Close(lower[j], c.CiLower, tolerance, c.Name + " CI lower");
            Close(upper[j], c.CiUpper, tolerance, c.Name + " CI upper");
        }
    }

    private static void Matrix(double[] expected, ModelFit actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.CovarianceMatrix.Count);
        int q = (int)Math.Round(Math.Sqrt(expected.Length));
        for (int i = 0; i < expected.Length; i++)
        {
            // Off-diagonal covariances can be near zero: measure them against the diagonal's scale.
            double scale = Math.Sqrt(Math.Abs(expected[i / q * q + i / q] * expected[i % q * q + i % q]));
            Assert.True(Math.Abs(actual.CovarianceMatrix[i] - expected[i]) <= tolerance * scale, $"covariance[{i}]: expected {expected[i]:R}, got {actual.CovarianceMatrix[i]:R}");
        }
    }
}
