using System.Globalization;
using TradeGrid.Api.V1;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>Scenario jobs as a caller runs them: start one, then ask for it by id until it has ended.</summary>
public static class ScenarioJobs
{
    /// <summary>The ITC world preset with constant driver baselines: every economy of the default dataset, in waves of 16.</summary>
    public static ScenarioSpec WorldSpec(int paths, ulong seed)
    {
        var spec = new ScenarioSpec { Preset = "itc-world-2030", TargetYear = 2020, Paths = paths, Seed = seed };
        foreach (string indicator in new[] { "cgdpo", "openness", "trade" })
        {
            spec.Baselines.Add(new DriverBaseline { Indicator = indicator, Kind = DriverPathKind.Constant });
        }
        return spec;
    }

    /// <summary>
    /// Asks for the job until it is no longer running, through calls that fail while the cluster has not yet noticed a
    /// silo's death. Not a speed requirement: the cap only stops a job that never ends.
    /// </summary>
    public static async Task<GetScenarioResponse> WhenEndedAsync(ScenarioService.ScenarioServiceClient client, string jobId)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            GetScenarioResponse response = await Imports.WhenClusterSettledAsync(() => client.GetScenarioAsync(new GetScenarioRequest { JobId = jobId }).ResponseAsync);
            if (response.Job.State != ScenarioJobState.Running || DateTime.UtcNow > giveUp)
            {
                return response;
            }
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Every number of two results, economy by economy and aggregate by aggregate, compared bit for bit (protobuf's
    /// equality compares doubles bitwise); the job ids and the fit's timestamp may differ.
    /// </summary>
    public static void AssertSameNumbers(ScenarioResult expected, ScenarioResult actual)
    {
        Assert.Equal(expected.Economies.Count, actual.Economies.Count);
        for (int i = 0; i < expected.Economies.Count; i++)
        {
            Assert.True(expected.Economies[i].Equals(actual.Economies[i]), $"economy {expected.Economies[i].Economy} differs from {actual.Economies[i].Economy}");
        }
        Assert.Equal(expected.Aggregates.Count, actual.Aggregates.Count);
        for (int i = 0; i < expected.Aggregates.Count; i++)
        {
            Assert.True(expected.Aggregates[i].Equals(actual.Aggregates[i]), $"aggregate {expected.Aggregates[i].Economy} differs");
        }
        Assert.Equal(expected.Fit.Coefficients, actual.Fit.Coefficients);
        Assert.Equal((expected.Projected, expected.Skipped), (actual.Projected, actual.Skipped));
    }

    /// <summary>Waits until a job held by the gate has stored a checkpoint; returns the process id that holds it.</summary>
    public static async Task<int> WhenCheckpointHeldAsync(string gate, Task<StartScenarioResponse> started)
    {
        string reached = Path.Combine(gate, "reached-checkpoint");
        while (!File.Exists(reached))
        {
            await Task.Delay(20);
        }
        await started;
        string[] lines;
        do
        {
            await Task.Delay(20);
            lines = (await File.ReadAllTextAsync(reached)).Split('\n');
        }
        while (lines.Length < 3);
        return int.Parse(lines[0], CultureInfo.InvariantCulture);
    }
}
