using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>
/// A seeded scenario on two silos: run twice, every economy's and aggregate's numbers are identical bytes, and they
/// equal the single-process numerics (<see cref="PathSimulator"/>, <see cref="ScenarioSummary"/>) on the same inputs,
/// the aggregate summed in code order. 3,000 paths in chunks of 2,048: two chunks per economy, the second not a whole
/// block of the numerics' four paths.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioDeterminismTests(TwoSiloCluster cluster)
{
    private const int Economies = 12;
    private const int Paths = 3000;
    private const int ChunkPaths = 2048;
    private const int Horizon = 5;
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static string? _fitId;

    [Fact]
    public async Task Same_seed_gives_identical_bytes_on_two_silos_and_in_one_process()
    {
        string fitId = await SeedOnceAsync(cluster);
        ScenarioRequestSpec request = Request(fitId);
        var coordinator = new ScenarioCoordinator(cluster.Grains, ChunkPaths * Horizon);

        ScenarioPlan plan1 = await coordinator.PlanAsync(request, CancellationToken.None);
        ScenarioResultRecord first = await coordinator.RunAsync(plan1, NullScenarioSink.Instance, CancellationToken.None);
        ScenarioPlan plan2 = await coordinator.PlanAsync(request, CancellationToken.None);
        ScenarioResultRecord second = await coordinator.RunAsync(plan2, NullScenarioSink.Instance, CancellationToken.None);

        Assert.NotEqual(plan1.JobId, plan2.JobId);
        Assert.Equal(Horizon, plan1.Horizon);
        Assert.Equal(ChunkPaths, coordinator.ChunkPaths(plan1.Horizon));
        Assert.Equal(Bytes(first), Bytes(second));
        Assert.Equal(Economies, first.Economies.Count(e => e.Skipped.Length == 0));
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());

        // One process: the same inputs through the numerics directly.
        ScenarioModel model = plan1.Model.ToModel();
        int horizon = plan1.Horizon;
        var worldBaseline = new double[Paths * horizon];
        var worldScenario = new double[Paths * horizon];
        foreach (string code in plan1.Economies)
        {
            EconomyScenarioInput input = Input(plan1, code);
            PathColumns columns = PathColumns.Zeros(horizon, Paths);
            PathSimulator.Simulate(model, plan1.Model.Factor, input, new SimulationOptions(plan1.Seed, false, true, false), 0, Paths, columns);
            (double[] b, double[] s) = columns.ToRows();
            ScenarioSummary.AddInto(worldBaseline, b);
            ScenarioSummary.AddInto(worldScenario, s);
            var (db, ds, _) = ScenarioSummary.Of(PathColumns.FromRows(b, s, horizon), plan1.Quantiles);
            ScenarioSeriesRecord grain = first.Economies.Single(e => e.Economy == code);
            Assert.Equal(db.SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd)), grain.BaselinePaths.SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd)));
            Assert.Equal(ds.SelectMany(d => d.Quantiles), grain.ScenarioPaths.SelectMany(d => d.Quantiles));
            (double[] baseline, double[] scenario) = ScenarioPropagation.Project(model, input);
            Assert.Equal(baseline, grain.Baseline);
            Assert.Equal(scenario, grain.Scenario);
        }

        var (wb, ws, wd) = ScenarioSummary.Of(PathColumns.FromRows(worldBaseline, worldScenario, horizon), plan1.Quantiles);
        ScenarioSeriesRecord world = first.Aggregates.Single(a => a.Economy == "WLD");
        Assert.Equal(wb.SelectMany(d => d.Quantiles), world.BaselinePaths.SelectMany(d => d.Quantiles));
        Assert.Equal(ws.SelectMany(d => d.Quantiles), world.ScenarioPaths.SelectMany(d => d.Quantiles));
        Assert.Equal(wd.SelectMany(d => d.Quantiles), world.DifferencePaths.SelectMany(d => d.Quantiles));
        Assert.True(world.DifferencePaths[^1].Quantiles[3] > 0.0, "+10% on a driver with a positive coefficient raises the world total");
    }

    internal static EconomyScenarioInput Input(ScenarioPlan plan, string code)
    {
        ScenarioEconomyJob job = ScenarioEconomyJob.Of(plan, code);
        int[] years = Enumerable.Range(plan.FirstYear, plan.Horizon).ToArray();
        GivenPath given = job.Given.Single();
        ShockPlan[] shocks = job.Shocks.Select(s => new ShockPlan(s.Driver, s.ToShock(), years.Select(y => s.Targets.Any(t => t.Holds(y))).ToArray())).ToArray();
        return new EconomyScenarioInput(years, [given.Values], shocks, 0.0, [null], RandomStream.KeyOf(code));
    }

    internal static ScenarioRequestSpec Request(string fitId)
    {
        string[] codes = Codes();
        GivenPath[] paths = codes.Select((c, i) => new GivenPath(0, c, [2011, 2012, 2013, 2014, 2015],
            Enumerable.Range(0, 5).Select(h => 2.0 + (0.1 * i) + (0.05 * h)).ToArray())).ToArray();
        ScenarioShockRecord shock = ScenarioRequests.Percent(10, 0, codes.Take(6));
        return ScenarioRequests.Spec(
            fitId, 2015, [new ScenarioSourceRequest("baselines[0]", "sc_x", ScenarioDriverSource.Given, "auto", paths)],
            [new ScenarioShockRequest("shocks[0]", "sc_x", shock)],
            [new AggregateGroup("SCGROUP", codes.Take(6).Select(c => new YearSpan(c, 0, 0)).ToArray())],
            Paths, seed: 99, [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95], residualNoise: true);
    }

    internal static byte[] Bytes(ScenarioResultRecord r)
    {
        var bytes = new List<byte>();
        foreach (ScenarioSeriesRecord s in r.Economies.Concat(r.Aggregates))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(s.Economy));
            foreach (double v in s.Baseline.Concat(s.Scenario)
                .Concat(s.BaselinePaths.Concat(s.ScenarioPaths).Concat(s.DifferencePaths).SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd))))
            {
                bytes.AddRange(BitConverter.GetBytes(v));
            }
        }

        return bytes.ToArray();
    }

    private static string[] Codes() => Enumerable.Range(0, Economies).Select(i => "SC" + (char)('A' + i)).ToArray();

    /// <summary>The twelve economies' data and their fit, imported once for every test that uses them.</summary>
    internal static async Task<string> SeedOnceAsync(TwoSiloCluster cluster)
    {
        await _once.WaitAsync();
        try
        {
            if (_fitId is not null)
            {
                return _fitId;
            }

            var random = new Random(17);
            var csv = new StringBuilder("economy,indicator,year,value\n");
            string[] codes = Codes();
            foreach (string code in codes)
            {
                double effect = random.NextDouble();
                for (int t = 1995; t <= 2010; t++)
                {
                    double x = 1.0 + (2.0 * random.NextDouble());
                    double y = Math.Exp(0.5 + effect + (0.8 * Math.Log(x)) + (0.2 * (random.NextDouble() - 0.5)));
                    csv.Append(CultureInfo.InvariantCulture, $"{code},sc_x,{t},{x.ToString("R", CultureInfo.InvariantCulture)}\n");
                    csv.Append(CultureInfo.InvariantCulture, $"{code},sc_y,{t},{y.ToString("R", CultureInfo.InvariantCulture)}\n");
                }
            }

            await cluster.ImportAsync(codes, csv.ToString(), "sc.csv");
            var spec = new DesignSpec
            {
                Dependent = new VariableSpec("sc_y", TransformKind.Log, 0, SideKind.Reporter),
                Regressors = [new VariableSpec("sc_x", TransformKind.Log, 0, SideKind.Reporter)],
                Economies = codes,
                Partners = [],
                From = 0,
                To = 0,
                Effects = EffectsKind.None,
                Estimator = EstimatorKind.Ols,
                Covariance = CovarianceChoice.Classical,
                ConfidenceLevel = 0.95,
                DropCollinear = false,
                DropNonpositiveLog = false,
            };
            FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
            _fitId = fit.FitId;
            return _fitId;
        }
        finally
        {
            _once.Release();
        }
    }
}
