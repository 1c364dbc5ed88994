using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>ScenarioService: specs refused before any fit is made or any job starts.</summary>
public static partial class BadInputCatalogue
{
    private static IEnumerable<BadInput> Scenarios()
    {
        const string Start = "ScenarioService.StartScenario", Run = "ScenarioService.RunScenario";
        static ScenarioSpec Spec()
        {
            var spec = new ScenarioSpec
            {
                Fit = new FitRequest
                {
                    Spec = new ModelSpec
                    {
                        Dependent = new ModelVariable { Indicator = "cq_y" },
                        Regressors = { new ModelVariable { Indicator = "cq_x" } },
                        Sample = new ModelSample { Economies = { "CQA", "CQB", "CQC" } },
                    },
                },
                TargetYear = 2015,
            };
            spec.Shocks.Add(new ScenarioShock { Indicator = "cq_x", Kind = ShockKind.Percent, Value = 10, Economies = { "CQA" } });
            return spec;
        }

        static ScenarioSpec With(Action<ScenarioSpec> change)
        {
            ScenarioSpec spec = Spec();
            change(spec);
            return spec;
        }

        BadInput S(string id, string rpc, string input, ScenarioSpec spec, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
            Ask(id, rpc, input, rpc == Start ? new StartScenarioRequest { Spec = spec } : new RunScenarioRequest { Spec = spec }, field, fix, code, "scenarios");

        yield return S("scenario-unknown-fit", Start, "fit_id `0123456789abcdef` (no such fit)", new ScenarioSpec { FitId = "0123456789abcdef", TargetYear = 2015 },
            "fit_id: no fit '0123456789abcdef'", "see ListFits, or call Fit", StatusCode.NotFound);
        yield return S("scenario-no-model", Start, "no fit_id, fit or preset", new ScenarioSpec { TargetYear = 2015 }, "fit_id: give the model", "preset (itc-world-2030)");
        yield return S("scenario-unknown-preset", Start, "preset `itc-world`", new ScenarioSpec { Preset = "itc-world" }, "preset: unknown preset 'itc-world'", "itc-world-2030");
        yield return S("scenario-shock-unused-indicator", Start, "shock on `cq_x2`, a model of cq_y on cq_x",
            With(s => s.Shocks[0].Indicator = "cq_x2"), "shocks[0].indicator: the model does not use 'cq_x2'", "regressors' indicators are [cq_x]");
        yield return S("scenario-horizon-over-50", Start, "target_year `2100`, data to 2010", With(s => s.TargetYear = 2100),
            "target_year: 2100 is outside 2011–2060", "1 to 50 years after it");
        yield return S("scenario-shock-before-data", Run, "shock start_year `2005`, data to 2010", With(s => s.Shocks[0].StartYear = 2005),
            "shocks[0].start_year: 2005", "no earlier than the data's last year (2010)");
        yield return S("scenario-quantile-outside", Start, "quantiles `[0.5, 1.5]`", With(s => s.Quantiles.Add([0.5, 1.5])),
            "quantiles[1]: 1.5 is outside (0, 1)", "0.05 and 0.95");
        yield return S("scenario-too-many-paths", Start, "paths `1000000000`", With(s => s.Paths = 1_000_000_000),
            "paths: 1000000000 paths", "TradeGrid:Limits:MaxScenarioPaths", StatusCode.ResourceExhausted);
        yield return S("scenario-shock-no-kind", Run, "a shock without kind", With(s => s.Shocks[0].Kind = ShockKind.Unspecified),
            "shocks[0].kind", "SHOCK_KIND_PERCENT");
        yield return S("scenario-world-scaling-other-model", Start, "world_scaling `true` with a fit of cq_y on cq_x", With(s => s.WorldScaling = true),
            "world_scaling: the Box 2 scaling applies to the world share model", "leave it unset");
        yield return S("scenario-rcep-with-fit", Start, "preset `rcep-openness` with a fit_id", new ScenarioSpec { Preset = "rcep-openness", FitId = "0123456789abcdef" },
            "preset: rcep-openness brings its own model", "leave fit_id and fit unset");
        yield return S("scenario-server-busy", Start, "every long-job slot taken", Spec(),
            "long jobs are running, the server's limit (TradeGrid:Limits:MaxConcurrentJobs)", "retry when one finishes", StatusCode.ResourceExhausted) with { ServerBusy = true };
        yield return Ask("scenario-get-unknown-job", "ScenarioService.GetScenario", "job_id of no job", new GetScenarioRequest { JobId = "0123456789abcdef0123456789abcdef" },
            "job_id: no scenario job", "see ListScenarios", StatusCode.NotFound, "scenarios");
        yield return Ask("scenario-get-malformed-job", "ScenarioService.GetScenario", "job_id `42`", new GetScenarioRequest { JobId = "42" },
            "job_id: '42' is not a job id", "32 hex digits", category: "scenarios");
        yield return Ask("scenario-cancel-unknown-job", "ScenarioService.CancelScenario", "job_id of no job", new CancelScenarioRequest { JobId = "0123456789abcdef0123456789abcdef" },
            "job_id: no scenario job", "see ListScenarios", StatusCode.NotFound, "scenarios");
    }
}
