using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// The client's scenario commands through its entry point against the shared server: run twice with one seed gives
/// the same numbers (the CSV of every series, quantile and digit) and the same picture; get, list and cancel; refusals.
/// A run without --store writes nothing to the economies, so these tests share the read-only server.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ScenarioCommandTests(ServerFixture server)
{
    // Enough paths for every quantile band to be drawn, few enough for a Debug build on a busy machine.
    private const string Paths = "200";

    private static string Scratch() => Directory.CreateTempSubdirectory("tradegrid-scenario-").FullName;

    private Task<int> ClientAsync(params string[] args) => ClientRunner.RunAsync(["--server", server.GrpcAddress, .. args]);

    [Fact]
    public async Task Run_twice_with_one_seed_prints_the_same_numbers_and_draws_the_same_fan_chart()
    {
        string dir = Scratch();
        string[] run = ["scenario", "run", "--preset", "itc-world-2030", "--paths", Paths, "--seed", "7"];

        int first = await ClientAsync([.. run, "--plot", Path.Combine(dir, "fan1.png"), "--csv", Path.Combine(dir, "run1.csv")]);
        int second = await ClientAsync([.. run, "--plot", Path.Combine(dir, "fan2.png"), "--csv", Path.Combine(dir, "run2.csv")]);

        Assert.Equal((0, 0), (first, second));
        string[] csv = File.ReadAllLines(Path.Combine(dir, "run1.csv"));
        Assert.Equal(csv, File.ReadAllLines(Path.Combine(dir, "run2.csv")));
        Assert.StartsWith("series,partner,aggregate,year,baseline,scenario,difference,percent_difference,baseline_paths_mean,", csv[0], StringComparison.Ordinal);
        string[] world = csv.Where(l => l.StartsWith("WLD,", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(world);
        // Every world year has its paths' mean, SD and seven quantiles for baseline, scenario and difference.
        Assert.All(world, l => Assert.Equal(8 + 3 * 9, l.Split(',').Length));
        // The world has no partner (column 2 empty); every number after the year is there.
        Assert.All(world, l => Assert.All(l.Split(',').Skip(3), cell => Assert.NotEqual(string.Empty, cell)));

        PngPicture png = PngPicture.Load(Path.Combine(dir, "fan1.png"));
        Assert.Equal((1000, 600), (png.Width, png.Height));
        Assert.True(png.DistinctColours > 100, $"{png.DistinctColours} distinct colours: the picture looks blank");
        // The scenario's bands are drawn over the baseline's, and with this preset they overlap almost everywhere, so
        // only the top fan's colour is checked here (ScenarioChartTests checks both on fans that stand apart).
        int orange = png.Count(c => c.Red > c.Blue + 40 && c.Red > 200 && c.Green > 100);
        Assert.True(orange > 2000, $"{orange} orange (scenario) pixels: the fan is missing");
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "fan1.png")), File.ReadAllBytes(Path.Combine(dir, "fan2.png")));
    }

    [Fact]
    public async Task List_get_and_cancel_answer_for_a_job_the_server_knows()
    {
        var scenarios = new ScenarioService.ScenarioServiceClient(server.Channel);
        StartScenarioResponse started = await scenarios.StartScenarioAsync(new StartScenarioRequest
        {
            Spec = new ScenarioSpec { Preset = "itc-world-2030", Paths = 0 },
        });
        string job = started.Job.JobId;

        Assert.Equal(0, await ClientAsync("scenario", "list"));
        Assert.Equal(0, await ClientAsync("scenario", "get", job));
        // Cancelling a job that may already have finished changes nothing and still answers.
        Assert.Equal(0, await ClientAsync("scenario", "cancel", job));
        ListScenariosResponse list = await scenarios.ListScenariosAsync(new ListScenariosRequest());
        Assert.Contains(list.Jobs, j => j.JobId == job);
    }

    [Fact]
    public async Task Unknown_jobs_are_not_found()
    {
        string unknown = new('0', 32);

        Assert.Equal(3, await ClientAsync("scenario", "get", unknown));
        Assert.Equal(3, await ClientAsync("scenario", "cancel", unknown));
    }

    [Fact]
    public async Task A_run_without_a_spec_or_preset_or_with_an_unreadable_spec_is_refused_before_any_call()
    {
        string dir = Scratch();
        string broken = Path.Combine(dir, "broken.json");
        await File.WriteAllTextAsync(broken, "{\"spec\": {\"pathz\": 10}}");

        Assert.Equal(2, await ClientAsync("scenario", "run"));
        Assert.Equal(2, await ClientAsync("scenario", "run", Path.Combine(dir, "missing.json")));
        Assert.Equal(2, await ClientAsync("scenario", "run", broken));
    }

    [Fact]
    public async Task A_refused_spec_exits_with_the_status_code_and_writes_no_file()
    {
        string dir = Scratch();
        string png = Path.Combine(dir, "fan.png");

        int exit = await ClientAsync("scenario", "run", "--preset", "no-such-preset", "--plot", png);

        Assert.Contains(exit, new[] { 2, 3 }); // InvalidArgument or NotFound, as the server maps an unknown preset
        Assert.False(File.Exists(png));
    }
}
