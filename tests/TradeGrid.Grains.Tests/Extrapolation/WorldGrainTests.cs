using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Tests.Extrapolation;

/// <summary>
/// The world pipeline and prediction on two silos: QR parts, prediction terms and rows cross the wire, and the
/// results equal the numerics run in one process on rows built here from the same seeded data.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WorldGrainTests(TwoSiloCluster cluster)
{
    private const int Economies = 30;
    private static readonly int[] Years = [2015, 2016, 2017];
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static Dictionary<(string Economy, string Indicator, int Year), double>? _data;

    [Fact]
    public async Task The_pipeline_across_silos_equals_the_single_process_computation()
    {
        Dictionary<(string, string, int), double> data = await SeedOnceAsync();
        string[] codes = Codes();
        var spec = new WorldSpec("wld_share", false, "wld_trade", "wld_gdp", [new VariableSpec("wld_x", TransformKind.Log, 0, SideKind.Reporter)],
            Years[0], Years[^1], 0, codes, [], string.Empty, ScalingVariant.Mean, 0.9, Fill: true, Store: false);

        WorldOutcome outcome = (await new WorldCoordinator(cluster.Grains).ComputeAsync(spec, CancellationToken.None)).Outcome;

        // Known shares: reported ones, and single-year ones carried to the other years (trade growth keeps the share).
        var known = new Dictionary<(string, int), double>();
        foreach (string e in codes)
        {
            int[] reported = Years.Where(t => data.ContainsKey((e, "wld_share", t))).ToArray();
            foreach (int t in Years)
            {
                if (data.TryGetValue((e, "wld_share", t), out double s) || (reported.Length == 1 && data.TryGetValue((e, "wld_share", reported[0]), out s)))
                {
                    known[(e, t)] = s;
                }
            }
        }

        (string E, int T)[] rows = known.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ToArray();
        var x = new double[rows.Length, 2];
        for (int i = 0; i < rows.Length; i++)
        {
            x[i, 0] = 1.0;
            x[i, 1] = Math.Log(data[(rows[i].E, "wld_x", rows[i].T)]);
        }

        OlsFit fit = Ols.Fit(x, rows.Select(r => ShareTransform.Logit(known[r])).ToArray(), ["(Intercept)", "log(wld_x)"], new OlsOptions(CovarianceKind.Classical, 0.9, InterceptColumn: 0));
        var model = new PredictionModel(fit.Coefficients, fit.Covariance, fit.Sigma, fit.ResidualDf, ResponseScale.Logit, BiasCorrection.Normal);
        Close(fit.Coefficients, outcome.Fit.Statistics.Coefficients, "coefficients");
        foreach (int t in Years)
        {
            var covered = new List<CoveredValue>();
            foreach (string e in codes)
            {
                double trade = data[(e, "wld_trade", t)], gdp = data[(e, "wld_gdp", t)];
                if (known.TryGetValue((e, t), out double s))
                {
                    covered.Add(new CoveredValue(e, s * trade, gdp, trade));
                    continue;
                }

                Prediction p = Predictor.Predict(model, [1.0, Math.Log(data[(e, "wld_x", t)])], 0.9);
                covered.Add(new CoveredValue(e, p.Point * trade, gdp, trade, p.Gradient.Select(g => g * trade).ToArray(), p.NewVariance * trade * trade));
            }

            WorldEstimate expected = WorldScaling.Scale(covered, codes.Sum(e => data[(e, "wld_gdp", t)]), codes.Sum(e => data[(e, "wld_trade", t)]),
                fit.Covariance, ScalingVariant.Mean, 0.9);
            WorldEstimate served = outcome.Years.Single(y => y.Year == t).Estimate;
            Close([expected.World, expected.StandardError, expected.Share, expected.EstimatedTotal], [served.World, served.StandardError, served.Share, served.EstimatedTotal], $"{t}");
            Assert.Equal(expected.Estimated, served.Estimated);
        }

        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }

    [Fact]
    public async Task Predictions_across_silos_equal_the_numerics_on_the_fit()
    {
        Dictionary<(string, string, int), double> data = await SeedOnceAsync();
        string[] codes = Codes();
        string[] sample = codes.Where(e => data.ContainsKey((e, "wld_trade", 2015))).Take(20).ToArray();
        var design = new DesignSpec
        {
            Dependent = new VariableSpec("wld_trade", TransformKind.Log, 0, SideKind.Reporter),
            Regressors = [new VariableSpec("wld_x", TransformKind.Log, 0, SideKind.Reporter)],
            Economies = sample,
            Partners = [],
            From = 2015,
            To = 2016,
            Effects = EffectsKind.None,
            Estimator = EstimatorKind.Ols,
            Covariance = CovarianceChoice.Classical,
            ConfidenceLevel = 0.95,
            DropCollinear = false,
            DropNonpositiveLog = false,
        };
        FitOutcome fit = await cluster.Grains.GetGrain<IFitCoordinator>(design.FitId()).Fit(design, 1_000_000, CancellationToken.None);
        var request = new PredictionRequestSpec(design.FitId(), [codes[^1], codes[^2]], 2017, 2017, false, 0.95, BiasCorrection.Normal, false, false, Named: true);

        PredictionOutcome outcome = (await new PredictionCoordinator(cluster.Grains).PredictAsync(request, 1_000_000, CancellationToken.None))!;

        var model = new PredictionModel(fit.Statistics.Coefficients, fit.Statistics.Covariance, fit.Statistics.Sigma, fit.Statistics.ResidualDf,
            ResponseScale.Log, BiasCorrection.Normal);
        foreach (EconomyPredictions e in outcome.Economies)
        {
            Prediction expected = Predictor.Predict(model, [1.0, Math.Log(data[(e.Economy, "wld_x", 2017)])], 0.95);
            PredictedYear served = Assert.Single(e.Predictions);
            Close([expected.Point, expected.Lower, expected.Upper, expected.SeMean], [served.Point, served.Lower, served.Upper, served.SeMean], e.Economy);
            Assert.Equal(data[(e.Economy, "wld_trade", 2017)], served.Observed);
        }
    }

    private static string[] Codes() => Enumerable.Range(0, Economies).Select(i => "WG" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();

    private async Task<Dictionary<(string, string, int), double>> SeedOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_data is not null)
            {
                return _data;
            }

            var random = new Random(23);
            var data = new Dictionary<(string, string, int), double>();
            string[] codes = Codes();
            for (int g = 0; g < codes.Length; g++)
            {
                double size = Math.Exp(random.NextDouble() * 4.0);
                foreach (int t in Years)
                {
                    double x = Math.Round(size * (1.0 + 0.05 * (t - 2015)) * (0.8 + 0.4 * random.NextDouble()), 6);
                    data[(codes[g], "wld_x", t)] = x;
                    data[(codes[g], "wld_gdp", t)] = Math.Round(size * 100.0 * (0.9 + 0.2 * random.NextDouble()), 6);
                    data[(codes[g], "wld_trade", t)] = Math.Round(size * 40.0 * (0.9 + 0.2 * random.NextDouble()), 6);
                    // A third of the economies report every year, a sixth one year only, the rest never.
                    bool reports = g % 3 == 0 || (g % 6 == 1 && t == 2016);
                    if (reports)
                    {
                        double logit = -2.0 + 0.3 * Math.Log(x) + (random.NextDouble() - 0.5) * 0.6;
                        data[(codes[g], "wld_share", t)] = Math.Round(ShareTransform.InverseLogit(logit), 9);
                    }
                }
            }

            var csv = new StringBuilder("economy,indicator,year,value\n");
            foreach (((string e, string i, int t), double v) in data)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{e},{i},{t},{v.ToString("R", CultureInfo.InvariantCulture)}\n");
            }

            await cluster.ImportAsync(codes, csv.ToString(), "world.csv");
            _data = data;
            return data;
        }
        finally
        {
            _once.Release();
        }
    }

    private static void Close(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), 1e-300);
            Assert.True(error <= 1e-10, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (relative error {error:E2})");
        }
    }
}
