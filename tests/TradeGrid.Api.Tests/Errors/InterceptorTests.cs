using Grpc.Core;
using TradeGrid.Api.Errors;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Domain;

namespace TradeGrid.Api.Tests.Errors;

public sealed class InterceptorTests
{
    private static Task<string> Answer(string request, ServerCallContext context) => Task.FromResult("answered " + request);

    [Fact]
    public async Task Tradegrid_calls_are_unavailable_until_the_dataset_is_loaded_but_health_is_not_gated()
    {
        var readiness = new DatasetReadiness();
        var interceptor = new ReadinessInterceptor(readiness);

        var loading = await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler("x", new FakeCallContext("/tradegrid.v1.DataService/GetSeries"), Answer));
        string health = await interceptor.UnaryServerHandler("x", new FakeCallContext("/grpc.health.v1.Health/Check"), Answer);
        readiness.MarkReady("loaded");
        string after = await interceptor.UnaryServerHandler("x", new FakeCallContext("/tradegrid.v1.DataService/GetSeries"), Answer);

        Assert.Equal(StatusCode.Unavailable, loading.StatusCode);
        Assert.Contains("retry when grpc.health.v1", loading.Status.Detail);
        Assert.Equal("answered x", health);
        Assert.Equal("answered x", after);
    }

    [Theory]
    [InlineData(typeof(InvalidSpecException), StatusCode.InvalidArgument)]
    [InlineData(typeof(UnknownEconomyException), StatusCode.NotFound)]
    [InlineData(typeof(UnknownIndicatorException), StatusCode.NotFound)]
    [InlineData(typeof(SingularDesignException), StatusCode.FailedPrecondition)]
    [InlineData(typeof(InsufficientDataException), StatusCode.FailedPrecondition)]
    [InlineData(typeof(ResourceLimitException), StatusCode.ResourceExhausted)]
    public async Task Domain_errors_map_to_their_status_with_the_message(Type exceptionType, StatusCode expected)
    {
        var thrown = (TradeGridException)Activator.CreateInstance(exceptionType, "what to fix")!; // the constructor takes a message
        var interceptor = new DomainErrorInterceptor();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("x", new FakeCallContext("/tradegrid.v1.X/Y"), (_, _) => throw thrown));

        Assert.Equal(expected, error.StatusCode);
        Assert.Equal("what to fix", error.Status.Detail);
    }

    [Fact]
    public async Task A_passed_deadline_is_deadline_exceeded()
    {
        var interceptor = new DomainErrorInterceptor();

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "x", new FakeCallContext("/tradegrid.v1.X/Y", DateTime.UtcNow.AddSeconds(-1)), (_, _) => throw new OperationCanceledException()));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
