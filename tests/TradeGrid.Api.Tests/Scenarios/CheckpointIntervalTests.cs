using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// A scenario job stores a checkpoint after a wave only when TradeGrid:Scenarios:CheckpointSeconds have passed since
/// it started or last stored one: with 0 after every wave (14 for the default dataset's economies), with an hour none
/// in a job of seconds; the results are the same bytes either way.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class CheckpointIntervalTests(EveryWaveCheckpointServer everyWave, HourlyCheckpointServer hourly)
    : IClassFixture<EveryWaveCheckpointServer>, IClassFixture<HourlyCheckpointServer>
{
    /// <summary>The ITC world preset held at each driver's last value, to 2020: every economy of the default dataset, 14 waves of 16.</summary>
    private static ScenarioSpec Spec()
    {
        var spec = new ScenarioSpec { Preset = "itc-world-2030", TargetYear = 2020, Paths = 20, Seed = 7 };
        foreach (string indicator in new[] { "cgdpo", "openness", "trade" })
        {
            spec.Baselines.Add(new DriverBaseline { Indicator = indicator, Kind = DriverPathKind.Constant });
        }

        return spec;
    }

    [Fact]
    public async Task Checkpoints_follow_the_interval_and_the_results_do_not_depend_on_it()
    {
        (string everyWaveJob, List<RunScenarioResponse> everyWaveEvents) = await RunAsync(everyWave);
        (string hourlyJob, List<RunScenarioResponse> hourlyEvents) = await RunAsync(hourly);

        Assert.Equal(Enumerable.Range(1, 14), everyWave.Hooks.Checkpoints(everyWaveJob));
        Assert.Empty(hourly.Hooks.Checkpoints(hourlyJob));
        Assert.Equal(Bytes(everyWaveEvents), Bytes(hourlyEvents));
    }

    private static async Task<(string JobId, List<RunScenarioResponse> Events)> RunAsync(ServerFixture server)
    {
        var client = new ScenarioService.ScenarioServiceClient(server.Channel);
        using AsyncServerStreamingCall<RunScenarioResponse> call = client.RunScenario(new RunScenarioRequest { Spec = Spec() });
        var events = new List<RunScenarioResponse>();
        await foreach (RunScenarioResponse message in call.ResponseStream.ReadAllAsync())
        {
            events.Add(message);
        }

        return (events[0].Job.JobId, events);
    }

    /// <summary>The economies' and the aggregates' messages (the job and the summary carry ids of their own server).</summary>
    private static string[] Bytes(List<RunScenarioResponse> events) =>
        events.Where(e => e.Economy is not null).Select(e => e.Economy.ToString())
            .Concat(events.Single(e => e.Summary is not null).Summary.Aggregates.Select(a => a.ToString())).ToArray();
}
