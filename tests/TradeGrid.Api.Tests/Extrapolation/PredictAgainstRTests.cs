using TradeGrid.Api.Tests.Estimation;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Extrapolation;

/// <summary>
/// Through the server: fit ln rgdpna on ln pop and hc for 2017 on R's training economies (classical covariance), then
/// predict the held-out economies, and compare with R's predict(lm, interval = ...) and the smearing correction.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PredictAgainstRTests(ServerFixture server)
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.8)]
    public async Task Served_predictions_of_held_out_economies_match_R(double level)
    {
        PredictionFixture r = PredictionFixture.Pwt();
        var estimates = new EstimateService.EstimateServiceClient(server.Channel);
        FitResponse fit = await estimates.FitAsync(new FitRequest { Spec = Spec(r.Train) });
        Assert.Equal(r.Train.Length, fit.Fit.Observations);

        var request = new PredictRequest { FitId = fit.Fit.FitId, From = 2017, To = 2017, IncludeObserved = true, Level = level };
        request.Economies.AddRange(r.Held);
        PredictResponse response = await new ExtrapolationService.ExtrapolationServiceClient(server.Channel).PredictAsync(request);

        Assert.Equal("log", response.Scale);
        Assert.Equal("smearing", response.Correction);
        AssertClose(r.Case.GetProperty("smearing").GetDouble(), response.CorrectionFactor, "smearing factor");
        Assert.Equal(r.Held, response.Predictions.Select(p => p.Economy).ToArray());
        var interval = r.Interval(level);
        double[] link = r.Doubles("link"), seMean = r.Doubles("se_mean"), seNew = r.Doubles("se_new"), point = r.Doubles("point");
        for (int i = 0; i < r.Held.Length; i++)
        {
            PredictedValue p = response.Predictions[i];
            string what = $"{p.Economy} at {level}";
            AssertClose(link[i], p.Link, $"{what}: x'b");
            AssertClose(seMean[i], p.LinkSeMean, $"{what}: se of the mean");
            AssertClose(seNew[i], p.LinkSeNew, $"{what}: se of a new observation");
            AssertClose(point[i], p.Point, $"{what}: point (smearing)");
            AssertClose(interval.GetProperty("lower")[i].GetDouble(), p.Lower, $"{what}: prediction lower");
            AssertClose(interval.GetProperty("upper")[i].GetDouble(), p.Upper, $"{what}: prediction upper");
            AssertClose(Math.Exp(interval.GetProperty("link_mean_lower")[i].GetDouble()), p.MeanLower, $"{what}: mean lower");
            Assert.True(p.HasObserved, $"{what}: the observed value is returned with include_observed");
        }
    }

    /// <summary>ln rgdpna ~ ln pop + hc in 2017 over the given economies, classical covariance.</summary>
    public static ModelSpec Spec(IEnumerable<string> economies)
    {
        var spec = new ModelSpec
        {
            Dependent = Specs.Log("rgdpna"),
            Sample = new ModelSample { From = 2017, To = 2017 },
            Covariance = CovarianceType.Classical,
        };
        spec.Sample.Economies.AddRange(economies);
        spec.Regressors.Add(Specs.Log("pop"));
        spec.Regressors.Add(Specs.Level("hc"));
        return spec;
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        double error = Math.Abs(actual / expected - 1.0);
        Assert.True(error <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }
}
