using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Poisson;

/// <summary>Two PPML fits of one model by two algorithms: the same counts exactly, the same numbers to a tolerance.</summary>
internal static class SamePoissonFit
{
    public static void Assert(PoissonFit expected, PoissonFit actual, double tolerance)
    {
        Xunit.Assert.Equal(expected.Iterations, actual.Iterations);
        Xunit.Assert.Equal(expected.Observations, actual.Observations);
        Xunit.Assert.Equal(expected.Groups, actual.Groups);
        Xunit.Assert.Equal(expected.AbsorbedParameters, actual.AbsorbedParameters);
        Xunit.Assert.Equal(expected.Clusters, actual.Clusters);
        Xunit.Assert.Equal(expected.Df, actual.Df);
        Xunit.Assert.Equal(expected.Names, actual.Names);
        for (int j = 0; j < expected.Names.Length; j++)
        {
            AssertClose.Relative(expected.Coefficients[j], actual.Coefficients[j], tolerance, $"beta[{expected.Names[j]}]");
            AssertClose.Relative(expected.StandardErrors[j], actual.StandardErrors[j], tolerance, $"se[{expected.Names[j]}]");
        }

        AssertClose.Relative(expected.Deviance, actual.Deviance, tolerance, "deviance");
        AssertClose.Relative(expected.LogLikelihood, actual.LogLikelihood, tolerance, "log-likelihood");
        AssertClose.Relative(expected.PseudoRSquared, actual.PseudoRSquared, tolerance, "pseudo R²");
    }
}
