namespace TradeGrid.Numerics.Regression;

/// <summary>Standard errors, t, p (Student and normal) and confidence intervals from coefficients and their covariance.</summary>
internal sealed record CoefficientTable(double[] StandardErrors, double[] T, double[] P, double[] NormalP, double[] Lower, double[] Upper)
{
    public static CoefficientTable Build(double[] beta, double[] covariance, double df, double level)
    {
        int q = beta.Length;
        var se = new double[q];
        var t = new double[q];
        var p = new double[q];
        var normal = new double[q];
        var lower = new double[q];
        var upper = new double[q];
        double critical = Distributions.StudentCritical(level, df);
        for (int j = 0; j < q; j++)
        {
            se[j] = Math.Sqrt(covariance[j * q + j]);
            t[j] = beta[j] / se[j];
            p[j] = Distributions.StudentTwoSided(t[j], df);
            normal[j] = Distributions.NormalTwoSided(t[j]);
            lower[j] = beta[j] - critical * se[j];
            upper[j] = beta[j] + critical * se[j];
        }

        return new CoefficientTable(se, t, p, normal, lower, upper);
    }
}
