extern alias cli;
using cli::TradeGrid.Api.V1;
using cli::TradeGrid.Cli.Commands.Scenarios;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>The client reads a spec file as the spec itself or as the body of POST /v1/scenarios, strictly.</summary>
public sealed class ScenarioSpecFileTests
{
    private static string Write(string json)
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-spec-").FullName, "spec.json");
        File.WriteAllText(file, json);
        return file;
    }

    private const string Spec = "{\"preset\": \"itc-world-2030\", \"paths\": 500, \"seed\": \"7\", \"quantiles\": [0.05, 0.5, 0.95]," +
        " \"shocks\": [{\"indicator\": \"rgdpna\", \"groups\": [\"RCEP\"], \"kind\": \"SHOCK_KIND_PERCENT\", \"value\": 10}]}";

    [Fact]
    public void The_spec_and_the_request_body_read_the_same()
    {
        ScenarioSpec spec = ScenarioSpecFile.Read(Write(Spec));
        ScenarioSpec body = ScenarioSpecFile.Read(Write("{\"spec\": " + Spec + "}"));

        Assert.Equal(spec, body);
        Assert.Equal(("itc-world-2030", 500, 7UL), (spec.Preset, spec.Paths, spec.Seed));
        Assert.Equal([0.05, 0.5, 0.95], spec.Quantiles);
        ScenarioShock shock = Assert.Single(spec.Shocks);
        Assert.Equal((ShockKind.Percent, 10.0, "RCEP"), (shock.Kind, shock.Value, Assert.Single(shock.Groups)));
    }

    [Theory]
    [InlineData("{\"pathz\": 10}", "pathz")]
    [InlineData("{\"spec\": {\"pathz\": 10}}", "pathz")]
    [InlineData("{\"spec\": {\"paths\": 10}, \"extra\": 1}", "extra")]
    [InlineData("{\"preset\": ", "not valid JSON")]
    public void An_unknown_field_or_broken_json_is_refused_naming_it(string json, string named)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => ScenarioSpecFile.Read(Write(json)));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
