using System.Text.Json;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Extrapolation;

/// <summary>
/// Predictions against R's predict(lm, interval = "confidence" | "prediction") and predict(glm, se.fit = TRUE)
/// (fixtures/extrapolation/prediction.R): the OLS cases are fitted here by <see cref="Ols"/> and predicted by
/// <see cref="Predictor"/>; the Poisson case takes R's coefficients and covariance and checks the prediction step.
/// </summary>
public sealed class PredictorAgainstRTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.Load("extrapolation/prediction").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Linear_and_Poisson_predictions_match_R(string name)
    {
        JsonElement c = Fixture.Load("extrapolation/prediction").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name);
        string scale = c.GetProperty("scale").GetString()!;
        PredictionModel model = scale == "poisson" ? PoissonModel(c) : LinearModel(c, scale);
        double[,] xnew = c.GetProperty("xnew").Matrix();
        double[] link = c.GetProperty("link").Doubles();
        double[] seMean = c.GetProperty("se_mean").Doubles();
        double[] point = c.GetProperty("point").Doubles();
        foreach (JsonElement interval in c.GetProperty("intervals").EnumerateArray())
        {
            double level = interval.GetProperty("level").GetDouble();
            for (int i = 0; i < link.Length; i++)
            {
                Prediction p = Predictor.Predict(model, Row(xnew, i), level);
                string what = $"{name}, row {i + 1}, level {level}";
                AssertClose.Relative(link[i], p.Link, Tolerance, $"{what}: x'b");
                AssertClose.Relative(seMean[i], p.LinkSeMean, Tolerance, $"{what}: se of the mean");
                AssertClose.Relative(point[i], p.Point, Tolerance, $"{what}: point on the level");
                if (scale == "poisson")
                {
                    AssertClose.Relative(interval.GetProperty("mean_lower")[i].GetDouble(), p.MeanLower, Tolerance, $"{what}: mean lower");
                    AssertClose.Relative(interval.GetProperty("mean_upper")[i].GetDouble(), p.MeanUpper, Tolerance, $"{what}: mean upper");
                    Assert.True(double.IsNaN(p.Lower), "a Poisson mean has no prediction interval");
                    continue;
                }

                AssertClose.Relative(c.GetProperty("se_new")[i].GetDouble(), p.LinkSeNew, Tolerance, $"{what}: se of a new observation");
                AssertClose.Relative(interval.GetProperty("link_mean_lower")[i].GetDouble(), p.LinkMeanLower, Tolerance, $"{what}: confidence lower");
                AssertClose.Relative(interval.GetProperty("link_mean_upper")[i].GetDouble(), p.LinkMeanUpper, Tolerance, $"{what}: confidence upper");
                AssertClose.Relative(interval.GetProperty("link_lower")[i].GetDouble(), p.LinkLower, Tolerance, $"{what}: prediction lower");
                AssertClose.Relative(interval.GetProperty("link_upper")[i].GetDouble(), p.LinkUpper, Tolerance, $"{what}: prediction upper");
                AssertClose.Relative(interval.GetProperty("lower")[i].GetDouble(), p.Lower, Tolerance, $"{what}: prediction lower on the level");
                AssertClose.Relative(interval.GetProperty("upper")[i].GetDouble(), p.Upper, Tolerance, $"{what}: prediction upper on the level");
            }
        }
    }

    [Fact]
    public void The_normal_correction_of_a_log_model_is_exp_of_half_sigma_squared()
    {
        JsonElement c = Fixture.Load("extrapolation/prediction").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "synthetic log");
        PredictionModel model = LinearModel(c, "log") with { Correction = BiasCorrection.Normal };
        double[,] xnew = c.GetProperty("xnew").Matrix();
        double[] expected = c.GetProperty("point_normal").Doubles();
        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose.Relative(expected[i], Predictor.Predict(model, Row(xnew, i), 0.95).Point, Tolerance, $"row {i + 1}");
        }
    }

    [Fact]
    public void The_normal_correction_of_a_logit_model_gives_the_mean_share_and_its_variance()
    {
        JsonElement c = Fixture.Load("extrapolation/prediction").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "synthetic logit share");
        PredictionModel model = LinearModel(c, "logit") with { Correction = BiasCorrection.Normal };
        double[,] xnew = c.GetProperty("xnew").Matrix();
        double[] mean = c.GetProperty("point_normal").Doubles();
        double[] variance = c.GetProperty("variance_normal").Doubles();
        double[] median = c.GetProperty("point").Doubles();
        for (int i = 0; i < mean.Length; i++)
        {
            Prediction p = Predictor.Predict(model, Row(xnew, i), 0.95);
            AssertClose.Relative(mean[i], p.Point, Tolerance, $"row {i + 1}: mean share");
            AssertClose.Relative(variance[i], p.NewVariance, 1e-8, $"row {i + 1}: variance of a new share");
            Assert.NotEqual(median[i], p.Point);
            AssertClose.Relative(c.GetProperty("intervals")[0].GetProperty("lower")[i].GetDouble(), p.Lower, Tolerance, $"row {i + 1}: bounds unchanged");
        }
    }

    private static PredictionModel LinearModel(JsonElement c, string scale)
    {
        double[,] x = c.GetProperty("x").Matrix();
        double[] y = c.GetProperty("y").Doubles();
        string[] names = Enumerable.Range(0, x.GetLength(1)).Select(j => j == 0 ? "(Intercept)" : $"x{j}").ToArray();
        OlsFit fit = Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.Classical, InterceptColumn: 0));
        AssertClose.Relative(c.GetProperty("sigma").GetDouble(), fit.Sigma, Tolerance, "σ");
        Assert.Equal(c.GetProperty("df").GetDouble(), fit.ResidualDf);
        double smearing = Smearing.Factor(Smearing.Part(x, y, fit.Coefficients).Sum, y.Length);
        AssertClose.Relative(c.GetProperty("smearing").GetDouble(), smearing, Tolerance, "smearing factor");
        ResponseScale s = scale switch { "log" => ResponseScale.Log, "logit" => ResponseScale.Logit, _ => ResponseScale.Level };
        return new PredictionModel(fit.Coefficients, fit.Covariance, fit.Sigma, fit.ResidualDf, s, BiasCorrection.Smearing, smearing);
    }

    private static PredictionModel PoissonModel(JsonElement c)
    {
        double[] beta = c.GetProperty("coefficients").Doubles();
        double[,] v = c.GetProperty("covariance").Matrix();
        double[] covariance = Enumerable.Range(0, beta.Length * beta.Length).Select(i => v[i / beta.Length, i % beta.Length]).ToArray();
        return new PredictionModel(beta, covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean);
    }

    private static double[] Row(double[,] x, int i) => Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray();
}
