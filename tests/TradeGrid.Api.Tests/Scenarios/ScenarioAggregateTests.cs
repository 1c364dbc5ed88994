using Grpc.Core;
using TradeGrid.Api.Tests.Describe;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// Aggregates through the server: their history (observed values, the model's value standing in for a member in a
/// year it does not report) and the world share model's Box 2 scaling of WLD, each recomputed here from the
/// economies' own series (GetSeries) and the result's economies. Runs without store, so it shares the read-only server.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ScenarioAggregateTests(ServerFixture server)
{
    // Sums of a few hundred positive numbers added in another order: a few ulps of the total.
    private const double SumTolerance = 1e-12;

    private Task<ScenarioResult> RunAsync(ScenarioSpec spec) => ScenarioStream.RunAsync(server.Channel.CreateCallInvoker(), spec);

    private async Task<double> ValueAsync(string economy, string indicator, int year)
    {
        var data = new DataService.DataServiceClient(server.Channel);
        try
        {
            GetSeriesResponse r = await data.GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator, From = year, To = year });
            return r.Series.Observations.Where(o => o.Year == year).Select(o => o.Value).DefaultIfEmpty(double.NaN).First();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return double.NaN;
        }
    }

    [Fact]
    public async Task A_fully_observed_dependent_gives_each_aggregate_the_sum_of_its_members_observed_values()
    {
        var spec = new ScenarioSpec
        {
            Fit = new FitRequest
            {
                Spec = new ModelSpec
                {
                    Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
                    Regressors = { new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log } },
                    Sample = new ModelSample { Groups = { "ASEAN" }, From = 2005, To = 2017 },
                },
            },
            TargetYear = 2020,
            Groups = { "ASEAN" },
            Baselines = { new DriverBaseline { Indicator = "pop", Kind = DriverPathKind.Constant } },
        };

        ScenarioResult result = await RunAsync(spec);

        ScenarioSeries asean = result.Aggregates.Single(a => a.Economy == "ASEAN");
        string[] members = result.Economies.Where(e => e.Skipped.Length == 0).Select(e => e.Economy).ToArray();
        Assert.NotEmpty(asean.History);
        Assert.StartsWith("observed values of every member", asean.HistoryNote, StringComparison.Ordinal);
        Assert.Equal(result.FirstYear - 1, asean.History[^1].Year);
        foreach (YearValue h in asean.History.Where(h => h.Year >= 2010))
        {
            double[] observed = await Task.WhenAll(members.Select(m => ValueAsync(m, "rgdpna", h.Year)));
            Assert.All(observed, v => Assert.True(double.IsFinite(v)));
            DescribeAssert.Relative(observed.Sum(), h.Value, SumTolerance, $"ASEAN {h.Year}");
        }

        Assert.Null(result.WorldScaling);
    }

    [Fact]
    public async Task The_world_share_model_scales_the_world_by_the_covered_share_of_world_gdp_and_trade_and_has_a_history()
    {
        var spec = new ScenarioSpec { Preset = "itc-world-2030", TargetYear = 2020 };

        ScenarioResult result = await RunAsync(spec);

        ScenarioSeries world = result.Aggregates.Single(a => a.Economy == "WLD");
        int year = result.FirstYear - 1;
        Assert.Equal("PUB_DIGITALIZATION_PCT / 100 × trade", result.Value);
        Assert.NotEmpty(result.Unit);
        Assert.NotNull(result.WorldScaling);
        Assert.Equal(year, result.WorldScaling.Year);

        // s recomputed from the series: the projected economies' cgdpo and trade over the sums of every economy of the
        // model (the default dataset has no world totals for WLD).
        ScenarioSeries[] projected = result.Economies.Where(e => e.Skipped.Length == 0).ToArray();
        async Task<double> SumAsync(IEnumerable<ScenarioSeries> economies, string indicator) =>
            (await Task.WhenAll(economies.Select(e => ValueAsync(e.Economy, indicator, year)))).Where(double.IsFinite).Sum();
        double gdpShare = await SumAsync(projected, "cgdpo") / await SumAsync(result.Economies, "cgdpo");
        double tradeShare = await SumAsync(projected, "trade") / await SumAsync(result.Economies, "trade");
        double s = (gdpShare + tradeShare) / 2;
        DescribeAssert.Relative(gdpShare, result.WorldScaling.GdpShare, SumTolerance, "GDP share");
        DescribeAssert.Relative(tradeShare, result.WorldScaling.TradeShare, SumTolerance, "trade share");
        DescribeAssert.Relative(s, result.WorldScaling.Share, SumTolerance, "s");
        Assert.True(s < 1.0, $"s = {s}: some economy of the model has GDP and trade but is not projected in this dataset");

        for (int h = 0; h < world.Years.Count; h++)
        {
            DescribeAssert.Relative(projected.Sum(e => e.Years[h].Baseline) / s, world.Years[h].Baseline, SumTolerance, $"WLD baseline {world.Years[h].Year}");
            DescribeAssert.Relative(projected.Sum(e => e.Years[h].Scenario) / s, world.Years[h].Scenario, SumTolerance, $"WLD scenario {world.Years[h].Year}");
        }

        // No share is observed before the projection: the world's history is the model's value on each member's observed
        // drivers, up to the data's last year, scaled as the projection is.
        Assert.NotEmpty(world.History);
        Assert.Equal(year, world.History[^1].Year);
        Assert.Contains("else the model's value on the member's observed drivers", world.HistoryNote, StringComparison.Ordinal);

        ScenarioResult unscaled = await RunAsync(new ScenarioSpec { Preset = "itc-world-2030", TargetYear = 2020, WorldScaling = false });
        ScenarioSeries sum = unscaled.Aggregates.Single(a => a.Economy == "WLD");
        Assert.Null(unscaled.WorldScaling);
        DescribeAssert.Relative(sum.Years[0].Baseline / s, world.Years[0].Baseline, SumTolerance, "scaled vs unscaled");
        DescribeAssert.Relative(sum.History[^1].Value / s, world.History[^1].Value, SumTolerance, "scaled vs unscaled history");
    }
}
