using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Hosting;

/// <summary>Requests that are not what the API takes: refused by the gateway before any handler, naming what is wrong.</summary>
[Collection(ServerCollection.Name)]
public sealed class StrictRequestTests(ServerFixture server)
{
    private static readonly Method<byte[], byte[]> RawFit = new(MethodType.Unary, "tradegrid.v1.EstimateService", "Fit",
        Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    private async Task<(HttpStatusCode Status, int Code, string Message)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await server.Http.PostAsync(path, content);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("code").GetInt32(), body.RootElement.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(8 * 1024 * 1024)]
    public async Task Garbage_protobuf_is_invalid_argument_not_unknown(int size)
    {
        byte[] garbage = new byte[size];
        new Random(size).NextBytes(garbage);
        garbage[0] = 0xff; // field 31, wire type 7: no such wire type, whatever follows

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(RawFit, null, new CallOptions(), garbage).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("request: not a valid FitRequest protobuf message", error.Status.Detail);
    }

    [Fact]
    public async Task A_misspelled_field_is_refused_naming_it_and_the_likely_one()
    {
        var (status, code, message) = await PostAsync("/v1/fits", """{"spec": {"fixedEffect": "FIXED_EFFECTS_KIND_TWO_WAY"}}""");

        Assert.Equal((HttpStatusCode.BadRequest, (int)StatusCode.InvalidArgument), (status, code));
        Assert.StartsWith("spec.fixedEffect: unknown field (did you mean fixedEffects?)", message);
    }

    [Fact]
    public async Task A_misspelled_enum_value_lists_the_valid_ones()
    {
        var (status, _, message) = await PostAsync("/v1/fits", """{"spec": {"fixedEffects": "TWO_WAY"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("spec.fixedEffects: 'TWO_WAY' is not a value of FixedEffectsKind; use one of FIXED_EFFECTS_KIND_UNSPECIFIED,", message);
        Assert.DoesNotContain("TradeGrid.Api.V1", message);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_naming_the_setting()
    {
        string json = "{\"group\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";

        var (status, code, message) = await PostAsync("/v1/panel", json);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, (int)StatusCode.ResourceExhausted), (status, code));
        Assert.Contains("TradeGrid:Limits:MaxJsonBodyBytes", message);
    }

    [Theory]
    [InlineData("from=abc", "from: 'abc' is not a whole number")]
    [InlineData("form=2000", "query parameter 'form': unknown")]
    [InlineData("from=2000&from=2001", "query parameter 'from': given 2 times")]
    public async Task A_bad_query_parameter_is_named(string query, string expected)
    {
        using HttpResponseMessage response = await server.Http.GetAsync($"/v1/economies/USA/series/rgdpna?{query}");
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(expected, body.RootElement.GetProperty("message").GetString());
    }
}
