using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>Requests that are not the API's messages at all: unknown JSON fields, wrong JSON types, garbage protobuf, oversized bodies.</summary>
public static partial class BadInputCatalogue
{
    private static IEnumerable<BadInput> Requests()
    {
        const string Fit = "EstimateService.Fit", Panel = "DataService.GetPanel", Series = "DataService.GetSeries";
        var usa = new GetSeriesRequest { Economy = "USA", Indicator = "rgdpna" };
        BadInput Json(string id, string rpc, string input, string json, string field, string fix) =>
            Bad(id, rpc, input, field, fix) with { Json = json, Transport = Transport.JsonOnly, Category = "JSON request" };
        BadInput Query(string id, string rpc, string input, Google.Protobuf.IMessage request, string query, string field, string fix) =>
            Bad(id, rpc, input, field, fix) with { Request = request, Query = query, Transport = Transport.JsonOnly, Category = "JSON request" };
        BadInput Garbage(string id, string rpc, string input, int size, string type) =>
            Bad(id, rpc, input, $"not a valid {type} protobuf message", "send the message") with { RawProtobuf = RandomBytes(size), Transport = Transport.GrpcOnly, Category = "gRPC request" };

        yield return Json("json-misspelled-field", Fit, "`{\"spec\": {\"fixedEffect\": \"FIXED_EFFECTS_KIND_TWO_WAY\"}}`", """{"spec": {"fixedEffect": "FIXED_EFFECTS_KIND_TWO_WAY"}}""", "spec.fixedEffect: unknown field", "did you mean fixedEffects?");
        yield return Json("json-unknown-field", Fit, "`{\"bogus\": 1}`", """{"bogus": 1}""", "bogus: unknown field", "FitRequest has fields spec");
        yield return Json("json-misspelled-enum", Fit, "covariance `\"HC1\"`", """{"spec": {"covariance": "HC1"}}""", "spec.covariance: 'HC1' is not a value of CovarianceType", "use one of COVARIANCE_TYPE_UNSPECIFIED");
        yield return Json("json-undefined-enum-number", Fit, "estimator `7`", """{"spec": {"estimator": 7}}""", "spec.estimator: '7' is not a value of Estimator", "use one of ESTIMATOR_UNSPECIFIED, ESTIMATOR_OLS, ESTIMATOR_PPML");
        yield return Json("json-nested-unknown-field", Fit, "a regressor with `transfrom`", """{"spec": {"regressors": [{"indicator": "pop"}, {"transfrom": "VARIABLE_TRANSFORM_LOG"}]}}""", "spec.regressors[1].transfrom: unknown field", "did you mean transform?");
        yield return Json("json-text-for-number", Panel, "from `\"abc\"`", """{"group": "RCEP", "indicators": ["pop"], "from": "abc"}""", "from: 'abc' is not a whole number", "fits int32");
        yield return Json("json-fraction-for-integer", "ForecastService.ForecastAll", "horizon `2.5`", """{"group": "RCEP", "indicator": "pop", "horizon": 2.5}""", "horizon: '2.5' is not a whole number", "fits int32");
        yield return Json("json-integer-overflow", Panel, "from `99999999999`", """{"group": "RCEP", "indicators": ["pop"], "from": 99999999999}""", "from: '99999999999' is not a whole number", "fits int32");
        yield return Json("json-array-for-text", Panel, "group `[\"RCEP\"]`", """{"group": ["RCEP"], "indicators": ["pop"]}""", "group: expected a string", "got an array");
        yield return Json("json-text-for-array", Panel, "indicators `\"pop\"`", """{"group": "RCEP", "indicators": "pop"}""", "indicators: expected a JSON array", "\"indicators\": [...]");
        yield return Json("json-text-for-bool", "DescribeService.Fill", "dryRun `\"yes\"`", """{"indicator": "pop", "group": "RCEP", "dryRun": "yes"}""", "dryRun: expected true or false", "the string 'yes'");
        yield return Json("json-text-for-object", Fit, "spec `\"ols\"`", """{"spec": "ols"}""", "spec: expected a JSON object (ModelSpec)", "the string 'ols'");
        yield return Json("json-field-twice", Panel, "from given as `from` and `from`", """{"group": "RCEP", "indicators": ["pop"], "from": 2000, "from": 2001}""", "from: from is given twice", "give it once");
        yield return Json("json-malformed", Panel, "`{\"group\": \"RCEP\",` (cut short)", """{"group": "RCEP",""", "body: not valid JSON at line 1", "byte");
        yield return Json("json-not-an-object", Panel, "`[1, 2]`", "[1, 2]", "body: expected a JSON object (GetPanelRequest)", "got an array");
        yield return Json("json-long-unknown-field", Fit, "a 5,000-character field name", "{\"" + Repeat('q', 5000) + "\": 1}", "unknown field", "(5000 characters)");
        yield return Json("json-body-over-limit", Panel, $"a {CatalogueServer.MaxJsonBodyBytes / 1024 + 6} KiB body", "{\"group\": \"" + Repeat('x', CatalogueServer.MaxJsonBodyBytes + 6000) + "\"}", "TradeGrid:Limits:MaxJsonBodyBytes", "raise the limit") with { Code = StatusCode.ResourceExhausted };
        yield return Query("query-not-a-number", Series, "`?from=abc`", usa, "from=abc", "from: 'abc' is not a whole number", "fits int32");
        yield return Query("query-unknown-parameter", Series, "`?form=2000`", usa, "form=2000", "query parameter 'form': unknown", "GetSeriesRequest takes economy, indicator, partner, from, to");
        yield return Query("query-parameter-twice", Series, "`?from=2000&from=2001`", usa, "from=2000&from=2001", "query parameter 'from': given 2 times", "it takes one value");
        yield return Query("query-not-a-bool", "DataService.ListEconomies", "`?countriesOnly=yes`", new ListEconomiesRequest(), "countriesOnly=yes", "countriesOnly: 'yes' is not true or false", "true or false");
        yield return Query("query-on-a-body-route", Panel, "`POST /v1/panel?group=RCEP`", new GetPanelRequest(), "group=RCEP", "query parameter 'group'", "move it there");
        yield return Garbage("protobuf-garbage-1k", Fit, "1 KB of random bytes as a FitRequest", 1024, "FitRequest");
        yield return Garbage("protobuf-garbage-8m", Fit, "8 MB of random bytes as a FitRequest", 8 * 1024 * 1024, "FitRequest");
        yield return Garbage("protobuf-garbage-streaming", Panel, "1 KB of random bytes as a GetPanelRequest", 1024, "GetPanelRequest");
    }

    private static byte[] RandomBytes(int size)
    {
        byte[] bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        bytes[0] = 0xff; // field 31 with wire type 7, which does not exist: invalid whatever follows
        return bytes;
    }
}
