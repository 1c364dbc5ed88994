using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>DescribeService, EstimateService, ExtrapolationService and ForecastService: specs that cannot be answered.</summary>
public static partial class BadInputCatalogue
{
    private static BadInput Ask(string id, string rpc, string input, Google.Protobuf.IMessage request, string field, string fix, StatusCode code = StatusCode.InvalidArgument, string category = "describing") =>
        Bad(id, rpc, input, field, fix, code) with { Request = request, Category = category };

    private static IEnumerable<BadInput> Describe()
    {
        yield return Ask("growth-unknown-economy", "DescribeService.Growth", "economy `XXQ`", new GrowthRequest { Economy = "XXQ", Indicator = "rgdpna" }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return Ask("growth-unknown-indicator", "DescribeService.Growth", "indicator `NOPE`", new GrowthRequest { Economy = "USA", Indicator = "NOPE" }, "NOPE", "ListIndicators", StatusCode.NotFound);
        yield return Ask("growth-years-reversed", "DescribeService.Growth", "from `2017`, to `2000`", new GrowthRequest { Economy = "USA", Indicator = "rgdpna", From = 2017, To = 2000 }, "from: 2017 is after to 2000", "swap them");
        yield return Ask("share-unknown-group", "DescribeService.Share", "group `NOPE`", new ShareRequest { Indicator = "rgdpna", Economies = { "USA" }, Group = "NOPE" }, "group: unknown group 'NOPE'", "ListGroups", StatusCode.NotFound);
        yield return Ask("share-no-indicator", "DescribeService.Share", "no indicator", new ShareRequest { Group = "RCEP" }, "indicator: an indicator code is required", "see ListIndicators");
        yield return Ask("ratio-no-denominator", "DescribeService.Ratio", "no denominator", new RatioRequest { Numerator = "exports", Group = "RCEP" }, "denominator: an indicator code is required", "see ListIndicators");
        yield return Ask("balance-no-imports", "DescribeService.Balance", "no imports indicator", new BalanceRequest { Exports = "exports", Group = "RCEP" }, "imports: an indicator code is required", "see ListIndicators");
        yield return Ask("aggregate-unknown-weight", "DescribeService.Aggregate", "weight_indicator `NOPE`", new AggregateRequest { Indicator = "rgdpna", Group = "RCEP", WeightIndicator = "NOPE" }, "NOPE", "ListIndicators", StatusCode.NotFound);
        yield return Ask("contributions-unknown-economy", "DescribeService.Contributions", "economies `[XXQ]`", new ContributionsRequest { Indicator = "rgdpna", Economies = { "XXQ" }, From = 2000, To = 2010 }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return Ask("fill-proxy-without-proxy", "DescribeService.Fill", "method PROXY_CHAIN without a proxy", new FillRequest { Indicator = "cq_y", Economies = { "CQA" }, Method = FillMethod.ProxyChain, DryRun = true }, "proxy: this method needs a proxy indicator", "e.g. exports");
        yield return Ask("fill-unknown-economy", "DescribeService.Fill", "economies `[XXQ]`", new FillRequest { Indicator = "cq_y", Economies = { "XXQ" }, Method = FillMethod.Linear }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return Ask("check-published-no-columns", "DescribeService.CheckPublishedGrowth", "no columns", new CheckPublishedGrowthRequest { Economy = "WLD" }, "columns: give at least one column", "e.g. PUB_GOODS_EXPORTS");
    }

    private static IEnumerable<BadInput> Estimation()
    {
        const string Fit = "EstimateService.Fit";
        static ModelVariable V(string indicator, VariableTransform transform = VariableTransform.Level) => new() { Indicator = indicator, Transform = transform };
        ModelSpec Spec(ModelVariable y, params ModelVariable[] x) => new() { Dependent = y, Regressors = { x }, Sample = new ModelSample { Economies = { "CQA", "CQB", "CQC" } } };
        BadInput FitCase(string id, string input, ModelSpec spec, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
            Ask(id, Fit, input, new FitRequest { Spec = spec }, field, fix, code, "estimating");

        yield return FitCase("fit-no-dependent", "no dependent", new ModelSpec { Regressors = { V("cq_x") }, Sample = new ModelSample { Economies = { "CQA" } } }, "dependent: the dependent variable is required", "e.g. {\"indicator\": \"rgdpna\"");
        yield return FitCase("fit-unknown-regressor", "regressor `NOPE`", Spec(V("cq_y"), V("NOPE")), "NOPE", "ListIndicators", StatusCode.NotFound);
        yield return FitCase("fit-unknown-economy", "sample economy `XXQ`", new ModelSpec { Dependent = V("cq_y"), Regressors = { V("cq_x") }, Sample = new ModelSample { Economies = { "XXQ" } } }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return FitCase("fit-collinear", "cq_x and cq_x2 = 2 × cq_x", Spec(V("cq_y"), V("cq_x"), V("cq_x2")), "cq_x2", "drop", StatusCode.FailedPrecondition);
        yield return FitCase("fit-log-of-nonpositive", "log(cq_neg), cq_neg ≤ 0", Spec(V("cq_y"), V("cq_neg", VariableTransform.Log)), "cq_neg", "log", StatusCode.InvalidArgument);
        yield return FitCase("fit-too-few-rows", "cq_short in CQA: 2 rows for 2 coefficients", new ModelSpec { Dependent = V("cq_short"), Regressors = { V("cq_x") }, Sample = new ModelSample { Economies = { "CQA" } } }, "2 observations for at least 2 parameters", "widen the sample or drop regressors", StatusCode.FailedPrecondition);
        yield return FitCase("fit-bad-confidence", "confidence_level `1.5`", Spec(V("cq_y"), V("cq_x")).WithConfidence(1.5), "confidence_level", "between 0 and 1");
        yield return FitCase("fit-lag-without-transform", "lag `-3`", Spec(V("cq_y"), new ModelVariable { Indicator = "cq_x", Transform = VariableTransform.Lag, Lag = -3 }), "regressors[0].lag: -3", "must lie in 0–50");
        yield return Ask("fit-formula-bad-token", Fit, "formula `cq_y ~ cq_x | reporter^yaer`",
            new FitRequest { Spec = new ModelSpec { Formula = "cq_y ~ cq_x | reporter^yaer", Sample = new ModelSample { Economies = { "CQA", "CQB" } } } },
            "formula: unexpected 'yaer' at column 24", "fixed effects are reporter", category: "estimating");
        yield return Ask("fit-partner-effects-unilateral", Fit, "effects `partner^year` on unilateral rows",
            new FitRequest { Spec = new ModelSpec { Formula = "cq_y ~ cq_x | partner^year", Sample = new ModelSample { Economies = { "CQA", "CQB" } } } },
            "effects: partner^year needs bilateral rows", "name sample.partners", category: "estimating");
        yield return Ask("comparefits-malformed-id", "EstimateService.CompareFits", "fit_ids `[\"xyz\"]`", new CompareFitsRequest { FitIds = { "xyz" } },
            "fit_ids[0]: 'xyz' is not a fit id", "16 hex digits", category: "estimating");
        yield return Ask("fit-unknown-preset", Fit, "preset `rcep-digital`", new FitRequest { Preset = "rcep-digital" }, "preset", "rcep-digital-services", category: "estimating");
        yield return Ask("fit-preset-series-not-imported", Fit, "preset `rcep-digital-services` before BaTIS is imported", new FitRequest { Preset = "rcep-digital-services" },
            "rcep.exports_indicator: 'BATIS_X_SF'", "import the reporter's services trade by partner from OECD-WTO BaTIS", StatusCode.NotFound, "estimating");
        yield return Ask("getfit-malformed-id", "EstimateService.GetFit", "fit_id `xyz`", new GetFitRequest { FitId = "xyz" }, "fit_id: 'xyz' is not a fit id", "16 hex digits", category: "estimating");
        yield return Ask("getfit-unknown-id", "EstimateService.GetFit", "fit_id `0123456789abcdef` (no such fit)", new GetFitRequest { FitId = "0123456789abcdef" }, "0123456789abcdef", "ListFits", StatusCode.NotFound, "estimating");
    }

    private static IEnumerable<BadInput> Extrapolation()
    {
        yield return Ask("predict-unknown-fit", "ExtrapolationService.Predict", "fit_id `0123456789abcdef` (no such fit)", new PredictRequest { FitId = "0123456789abcdef" }, "fit_id: no fit '0123456789abcdef'", "see ListFits, or call Fit", StatusCode.NotFound, "extrapolating");
        yield return Ask("predict-malformed-fit", "ExtrapolationService.Predict", "fit_id `nope`", new PredictRequest { FitId = "nope" }, "fit_id: 'nope' is not a fit id", "16 hex digits", category: "extrapolating");
        yield return Ask("world-unknown-preset", "ExtrapolationService.EstimateWorld", "preset `itc`", new EstimateWorldRequest { Preset = "itc" }, "preset", "itc-box2", category: "extrapolating");
        yield return Ask("world-bad-level", "ExtrapolationService.EstimateWorld", "level `1.5`", new EstimateWorldRequest { Level = 1.5 }, "level", "between 0 and 1", category: "extrapolating");
        yield return Ask("world-bad-request-id", "ExtrapolationService.EstimateWorld", "request_id `my run`", new EstimateWorldRequest { RequestId = "my run" }, "request_id", "letters, digits", category: "extrapolating");
        yield return Ask("world-server-busy", "ExtrapolationService.EstimateWorld", "every long-job slot taken", new EstimateWorldRequest(), "EstimateWorld: the server is already running", "TradeGrid:Limits:MaxConcurrentJobs", StatusCode.ResourceExhausted, "extrapolating") with { ServerBusy = true };
    }

    private static IEnumerable<BadInput> Forecasting()
    {
        const string One = "ForecastService.Forecast", All = "ForecastService.ForecastAll";
        BadInput F(string id, string rpc, string input, Google.Protobuf.IMessage request, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
            Ask(id, rpc, input, request, field, fix, code, "forecasting");

        yield return F("forecast-unknown-method", One, "method `prophet`", new ForecastRequest { Economy = "USA", Indicator = "rgdpna", Method = "prophet", Horizon = 3 }, "method: unknown method 'prophet'", "valid: naive, drift");
        yield return F("forecast-zero-horizon", One, "horizon `0`", new ForecastRequest { Economy = "USA", Indicator = "rgdpna", Method = "drift", Horizon = 0 }, "horizon: must be in [1, 50] years", "got 0");
        yield return F("forecast-huge-horizon", One, "horizon `5000`", new ForecastRequest { Economy = "USA", Indicator = "rgdpna", Method = "drift", Horizon = 5000 }, "horizon: must be in [1, 50] years", "got 5000");
        yield return F("forecast-bad-level", One, "levels `[150]`", new ForecastRequest { Economy = "USA", Indicator = "rgdpna", Method = "drift", Horizon = 3, Levels = { 150 } }, "levels[0]: must be a percentage in (0, 100)", "e.g. 80 or 95");
        yield return F("forecast-unknown-economy", One, "economy `XXQ`", new ForecastRequest { Economy = "XXQ", Indicator = "rgdpna", Method = "drift", Horizon = 3 }, "XXQ", "ListEconomies", StatusCode.NotFound);
        yield return F("forecast-too-short", One, "ets on a 2-year series", new ForecastRequest { Economy = "CQA", Indicator = "cq_short", Method = "ets", Horizon = 2 }, "ets needs at least 7 observations; the series has 2", "Use a longer series or a simpler method", StatusCode.FailedPrecondition);
        yield return F("forecastall-unknown-group", All, "group `NOPE`", new ForecastAllRequest { Group = "NOPE", Indicator = "rgdpna", Method = "drift", Horizon = 3 }, "group: unknown group 'NOPE'", "ListGroups", StatusCode.NotFound);
        yield return F("forecastall-unknown-indicator", All, "indicator `GDP_PPP`", new ForecastAllRequest { Group = "RCEP", Indicator = "GDP_PPP", Method = "drift", Horizon = 3 }, "indicator: unknown indicator 'GDP_PPP'", "ListIndicators", StatusCode.NotFound);
        yield return F("forecastall-server-busy", All, "every long-job slot taken", new ForecastAllRequest { Group = "RCEP", Indicator = "rgdpna", Method = "drift", Horizon = 3 },
            "ForecastAll: the server is already running", "TradeGrid:Limits:MaxConcurrentJobs", StatusCode.ResourceExhausted) with { ServerBusy = true };
        yield return F("forecastall-store-past-deadline", All, "store with a deadline already passed", new ForecastAllRequest { Economies = { "CQA", "CQB" }, Indicator = "cq_y", Method = "drift", Horizon = 2, Store = true },
            string.Empty, string.Empty, StatusCode.DeadlineExceeded) with { PastDeadline = true, Transport = Transport.GrpcOnly };
        yield return F("forecastjob-unknown-job", "ForecastService.GetForecastJob", "job_id of no job", new GetForecastJobRequest { JobId = "0123456789abcdef0123456789abcdef" },
            "job_id: no ForecastAll job", "see ForecastAll's first event", StatusCode.NotFound);
        yield return F("forecastjob-malformed-job", "ForecastService.GetForecastJob", "job_id `42`", new GetForecastJobRequest { JobId = "42" }, "job_id: '42' is not a job id", "32 hex digits");
        yield return F("fill-store-past-deadline", "DescribeService.Fill", "a stored fill with a deadline already passed", new FillRequest { Indicator = "cq_y", Economies = { "CQA" }, Method = FillMethod.Linear },
            string.Empty, string.Empty, StatusCode.DeadlineExceeded) with { PastDeadline = true, Transport = Transport.GrpcOnly };
    }

    private static ModelSpec WithConfidence(this ModelSpec spec, double level)
    {
        spec.ConfidenceLevel = level;
        return spec;
    }
}
