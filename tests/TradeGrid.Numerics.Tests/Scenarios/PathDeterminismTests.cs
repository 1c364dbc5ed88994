using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>A path's numbers depend on (seed, economy, path) only: not on how the paths are chunked; common shocks share driver errors across economies.</summary>
public sealed class PathDeterminismTests
{
    private static readonly ScenarioModel Model = new(
        new PredictionModel([0.2, 0.9, -0.3], [0.01, 0.001, 0, 0.001, 0.02, 0.002, 0, 0.002, 0.03], 0.25, 40, ResponseScale.Log, BiasCorrection.Normal),
        [-1, 0, 1], [DriverTransform.Level, DriverTransform.Log, DriverTransform.Level], Drivers: 2);

    private static EconomyScenarioInput Input(string economy) => new(
        [2030, 2031, 2032, 2033],
        [[100, 104, 108, 112], [1.0, 1.1, 1.2, 1.3]],
        [new ShockPlan(0, new DriverShock(ShockKind.Percent, 10, 2031, 2033, PhaseIn.Linear, false, [], []), [true, true, true, true])],
        0.1,
        [DriverErrorModel.FromSigmas([2, 4, 6, 8], null), DriverErrorModel.FromSigmas([0.1, 0.1, 0.2, 0.2], null)],
        RandomStream.KeyOf(economy));

    [Fact]
    public void Chunked_paths_are_bit_identical_to_one_call()
    {
        var options = new SimulationOptions(42, false, true, false);
        (double[] whole, double[] wholeScenario) = Run(Input("USA"), options, (0, 1000));
        (double[] chunked, double[] chunkedScenario) = Run(Input("USA"), options, (0, 300), (300, 1), (301, 699));

        Assert.Equal(whole, chunked);
        Assert.Equal(wholeScenario, chunkedScenario);
        Assert.Contains(whole, v => v != whole[0]); // the paths do vary
    }

    [Fact]
    public void Seeds_and_economies_give_different_streams_and_common_shocks_share_driver_errors()
    {
        var independent = new SimulationOptions(42, false, false, false);
        var common = new SimulationOptions(42, true, false, false);

        Assert.NotEqual(Run(Input("USA"), independent, (0, 50)).Baseline, Run(Input("CAN"), independent, (0, 50)).Baseline);
        Assert.NotEqual(Run(Input("USA"), independent, (0, 50)).Baseline, Run(Input("USA"), independent with { Seed = 43 }, (0, 50)).Baseline);
        Assert.Equal(Run(Input("USA"), common, (0, 50)).Baseline, Run(Input("CAN"), common, (0, 50)).Baseline);
    }

    [Fact]
    public void Baseline_and_scenario_differ_only_where_the_shock_applies()
    {
        (double[] b, double[] s) = Run(Input("USA"), new SimulationOptions(3, false, true, false), (0, 20));
        for (int p = 0; p < 20; p++)
        {
            Assert.Equal(b[p * 4], s[p * 4]); // 2030: before the shock's start, same draws, same value
            Assert.True(s[p * 4 + 3] > b[p * 4 + 3], "+10% on a driver with a positive log coefficient raises the level");
        }
    }

    [Fact]
    public void Years_no_shock_reaches_share_the_baseline_column_and_hold_what_separate_columns_hold()
    {
        var options = new SimulationOptions(5, false, true, false);
        EconomyScenarioInput input = Input("USA");
        double[] factor = CoefficientSampler.Factor(Model.Prediction.Covariance, Model.Parameters);
        PathColumns apart = PathColumns.Zeros(input.Horizon, 101);

        PathColumns shared = PathSimulator.Simulate(Model, factor, input, options, 7, 101);
        PathSimulator.Simulate(Model, factor, input, options, 7, 101, apart);

        Assert.Equal([true, false, false, false], Enumerable.Range(0, input.Horizon).Select(shared.Aliased).ToArray()); // the shock starts in 2031
        Assert.Equal(apart.ToRows().Baseline, shared.ToRows().Baseline);
        Assert.Equal(apart.ToRows().Scenario, shared.ToRows().Scenario);
        Assert.Equal(apart.Baseline[0], apart.Scenario[0]);
        Assert.Throws<ArgumentException>(() => PathSimulator.Simulate(Model, factor, input, options, 0, 8,
            new PathColumns(apart.Baseline, apart.Baseline))); // a shocked year written into its baseline's column
    }

    private static (double[] Baseline, double[] Scenario) Run(EconomyScenarioInput input, SimulationOptions options, params (int Start, int Count)[] chunks)
    {
        int paths = chunks.Sum(c => c.Count);
        PathColumns columns = PathColumns.Zeros(input.Horizon, paths);
        double[] factor = CoefficientSampler.Factor(Model.Prediction.Covariance, Model.Parameters);
        foreach ((int start, int count) in chunks)
        {
            PathSimulator.Simulate(Model, factor, input, options, start, count, columns, at: start);
        }

        return columns.ToRows();
    }
}
