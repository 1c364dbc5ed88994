using System.Globalization;
using System.Text;
using System.Text.Json;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;

namespace TradeGrid.Grains.Tests.Scenarios.Bilateral;

/// <summary>
/// The bilateral panel of fixtures/scenarios/bilateral_propagation.json (written by bilateral_propagation.R beside it):
/// imported once into the cluster, the fits of its cases, and the scenario the script projects: given paths for every
/// driver, BXC's and BXD's openness +10% from 2013 (a partner-side driver), BXA's GDP +5% from 2014 (read on both sides).
/// </summary>
internal static class BilateralScenarioData
{
    public const string Dependent = "bx_y";
    public const string Gdp = "bx_gdp";
    public const string Openness = "bx_open";
    public const string Group = "BXGRP";
    public static readonly string[] Grouped = ["BXC", "BXD"];

    private static readonly SemaphoreSlim _once = new(1, 1);
    private static bool _seeded;

    public static JsonElement Fixture { get; } = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "fixtures", "scenarios", "bilateral_propagation.json"))).RootElement;

    public static string[] Economies => Strings(Fixture.GetProperty("economies"));

    public static string[] Reporters => Strings(Fixture.GetProperty("reporters"));

    public static JsonElement Case(string name) => Fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    /// <summary>log(y) on log(reporter gdp), log(partner gdp) and partner openness (OLS), or y on them (PPML); pooled, rows (reporter, partner, year).</summary>
    public static DesignSpec Spec(EstimatorKind estimator) => new()
    {
        Dependent = new VariableSpec(Dependent, estimator == EstimatorKind.Ppml ? TransformKind.Level : TransformKind.Log, 0, SideKind.Reporter),
        Regressors =
        [
            new VariableSpec(Gdp, TransformKind.Log, 0, SideKind.Reporter),
            new VariableSpec(Gdp, TransformKind.Log, 0, SideKind.Partner),
            new VariableSpec(Openness, TransformKind.Level, 0, SideKind.Partner),
        ],
        Economies = Reporters,
        Partners = Economies,
        From = 0,
        To = 0,
        Effects = EffectsKind.None,
        Estimator = estimator,
        Covariance = CovarianceChoice.Classical,
        ConfidenceLevel = 0.95,
        DropCollinear = false,
        DropNonpositiveLog = false,
    };

    /// <summary>The script's scenario: the given paths, the two shocks, BXGRP reported over partners.</summary>
    public static ScenarioRequestSpec Request(string fitId, int paths, ulong seed)
    {
        int[] future = Ints(Fixture.GetProperty("future"));
        string[] economies = Economies;
        GivenPath[] Given(string name) => Fixture.GetProperty(name).EnumerateArray()
            .Select((row, e) => new GivenPath(0, economies[e], future, Doubles(row))).ToArray();
        return ScenarioRequests.Spec(
            fitId,
            future[^1],
            [
                new ScenarioSourceRequest("baselines[0]", Gdp, ScenarioDriverSource.Given, "auto", Given("given_gdp")),
                new ScenarioSourceRequest("baselines[1]", Openness, ScenarioDriverSource.Given, "auto", Given("given_open")),
            ],
            [
                new ScenarioShockRequest("shocks[0]", Openness, ScenarioRequests.Percent(10.0, 0, Grouped)),
                new ScenarioShockRequest("shocks[1]", Gdp, ScenarioRequests.Percent(5.0, 2014, ["BXA"])),
            ],
            [new AggregateGroup(Group, Grouped.Select(c => new YearSpan(c, 0, 0)).ToArray())],
            paths,
            seed,
            [0.05, 0.5, 0.95],
            residualNoise: paths > 0);
    }

    /// <summary>Registers the five economies and imports the script's series (unilateral and bilateral), once per cluster.</summary>
    public static async Task SeedOnceAsync(IGrainFactory grains)
    {
        await _once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            var csv = new StringBuilder("economy,indicator,year,value,partner\n");
            JsonElement uni = Fixture.GetProperty("unilateral");
            string[] economy = Strings(uni.GetProperty("economy"));
            int[] year = Ints(uni.GetProperty("year"));
            double[] gdp = Doubles(uni.GetProperty("gdp")), open = Doubles(uni.GetProperty("open"));
            for (int i = 0; i < economy.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{economy[i]},{Gdp},{year[i]},{gdp[i]:R},\n");
                csv.Append(CultureInfo.InvariantCulture, $"{economy[i]},{Openness},{year[i]},{open[i]:R},\n");
            }

            JsonElement bi = Fixture.GetProperty("bilateral");
            string[] reporter = Strings(bi.GetProperty("reporter")), partner = Strings(bi.GetProperty("partner"));
            int[] pairYear = Ints(bi.GetProperty("year"));
            double[] y = Doubles(bi.GetProperty("y"));
            for (int i = 0; i < reporter.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{reporter[i]},{Dependent},{pairYear[i]},{y[i]:R},{partner[i]}\n");
            }

            await grains.ImportAsync(Economies, csv.ToString(), "bx.csv");
            _seeded = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
