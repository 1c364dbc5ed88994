using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// Structural gravity (reporter×year + partner×year + pair, clustered by pair) fitted through reporter grains spread
/// over two silos equals the same model fitted in one process on the same flows listed in another order, and does not
/// change when the reporters are listed (so gathered) in another order: the result depends on the data, not on how
/// many silos or grains hold it or the order they answer in. The same holds with the effects absorbed in the grains
/// (absorb_in_grains: no row leaves its economy; every sweep gathers per-group sums over the reporters).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AbsorbedFitPlacementTests(TwoSiloCluster cluster)
{
    private const double Tolerance = 1e-10;
    private const int Economies = 7;
    private const int FirstYear = 2001;
    private const int Years = 6;
    private static readonly string[] EffectSets = ["reporter^year", "partner^year", "pair"];
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static List<GravityFlow>? _flows;

    [Theory]
    [InlineData(EstimatorKind.Ppml, false)]
    [InlineData(EstimatorKind.Ols, false)]
    [InlineData(EstimatorKind.Ppml, true)]
    [InlineData(EstimatorKind.Ols, true)]
    public async Task Structural_gravity_across_silos_equals_one_process_and_any_gather_order(EstimatorKind estimator, bool inGrains)
    {
        List<GravityFlow> flows = await SeedOnceAsync();
        string[] codes = Codes();
        AbsorbedFit expected = InProcess(flows.OrderBy(f => f.Year).ThenByDescending(f => f.Partner).ThenBy(f => f.Reporter).ToList(), estimator);

        FitOutcome spread = await FitAsync(codes, estimator, inGrains);
        FitOutcome reversed = await FitAsync(codes.Reverse().ToArray(), estimator, inGrains);

        Assert.True(cluster.Cluster.GetActiveSilos().Count() >= 2);
        Assert.Equal(expected.Observations, spread.Statistics.Observations);
        Assert.Equal(expected.Effects.Sum(e => e.Groups), spread.Statistics.Groups);
        Assert.Equal(expected.SmallSample, spread.Statistics.SmallSample);
        Close(expected.Coefficients, spread.Statistics.Coefficients);
        Close(expected.StandardErrors, spread.Statistics.StandardErrors);
        Close(spread.Statistics.Coefficients, reversed.Statistics.Coefficients);
        Close(spread.Statistics.StandardErrors, reversed.Statistics.StandardErrors);
    }

    private async Task<FitOutcome> FitAsync(string[] reporters, EstimatorKind estimator, bool inGrains)
    {
        var spec = new DesignSpec
        {
            Dependent = new VariableSpec("apf_y", TransformKind.Level, 0, SideKind.Pair),
            Regressors = [new VariableSpec("apf_cost", TransformKind.Level, 0, SideKind.Pair)],
            Economies = reporters,
            Partners = Codes(),
            From = 0,
            To = 0,
            Effects = EffectsKind.None,
            Estimator = estimator,
            Covariance = CovarianceChoice.ClusterCr1,
            ConfidenceLevel = 0.95,
            DropCollinear = true,
            DropNonpositiveLog = false,
            Absorbed = true,
            EffectSets = EffectSets,
            ClusterBy = ["pair"],
            AbsorbInGrains = inGrains,
        };
        return await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
    }

    /// <summary>The numerics alone on the flows as given: effect and cluster ids numbered by first appearance.</summary>
    private static AbsorbedFit InProcess(List<GravityFlow> flows, EstimatorKind estimator)
    {
        int[] reporter = flows.Select(f => f.Reporter).ToArray();
        int[] partner = flows.Select(f => f.Partner).ToArray();
        int[] year = flows.Select(f => f.Year).ToArray();
        int[] pair = EffectIds.Interact(reporter, partner);
        EffectDimension[] effects =
        [
            new("reporter^year", EffectIds.Interact(reporter, year)),
            new("partner^year", EffectIds.Interact(partner, year)),
            new("pair", pair),
        ];
        var options = new AbsorbedOptions(CovarianceKind.ClusterCr1, [new EffectDimension("pair", pair)], Intercept: false);
        double[] y = flows.Select(f => f.Y).ToArray();
        double[][] columns = [flows.Select(f => f.Cost).ToArray()];
        return estimator == EstimatorKind.Ppml
            ? AbsorbedPpml.Fit(y, columns, ["apf_cost"], effects, options)
            : AbsorbedOls.Fit(y, columns, ["apf_cost"], effects, options);
    }

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            double error = Math.Abs(actual[j] / expected[j] - 1.0);
            Assert.True(error <= Tolerance, $"[{j}]: expected {expected[j]:R}, got {actual[j]:R} (error {error:G3})");
        }
    }

    private static string[] Codes() => Enumerable.Range(0, Economies).Select(i => $"APF{i}").ToArray();

    /// <summary>Flows between every pair of distinct economies over six years: a pair cost and a gravity-like positive flow (seeded).</summary>
    private async Task<List<GravityFlow>> SeedOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_flows is not null)
            {
                return _flows;
            }

            var random = new Random(29);
            string[] codes = Codes();
            var flows = new List<GravityFlow>();
            var csv = new StringBuilder("economy,partner,indicator,year,value\n");
            for (int i = 0; i < Economies; i++)
            {
                for (int j = 0; j < Economies; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    double distance = 1.0 + random.NextDouble() * 3.0;
                    for (int t = 0; t < Years; t++)
                    {
                        double cost = Math.Round(distance + 0.3 * random.NextDouble() - 0.05 * t, 6);
                        double y = Math.Round(Math.Exp(2.0 + 0.1 * i - 0.05 * j + 0.02 * t - 0.8 * cost) * (0.5 + random.NextDouble()), 6);
                        int year = FirstYear + t;
                        csv.Append(CultureInfo.InvariantCulture, $"{codes[i]},{codes[j]},apf_cost,{year},{cost:R}\n{codes[i]},{codes[j]},apf_y,{year},{y:R}\n");
                        flows.Add(new GravityFlow(i, j, year, cost, y));
                    }
                }
            }

            await cluster.ImportAsync(codes, csv.ToString(), "apf.csv");
            _flows = flows;
            return flows;
        }
        finally
        {
            _once.Release();
        }
    }
}
