using Grpc.Core;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Forecasting;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// The per-caller concurrency limiter on long jobs: with one job per caller, a caller's second ForecastAll is refused
/// while its first runs (held at the gate, so "runs" does not depend on the machine's speed); another caller's is not.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class JobsPerCallerTests(GatedJobsServer server) : IClassFixture<GatedJobsServer>
{
    private const string Gated = ForecastGate.Prefix + "_jobs";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_callers_second_long_job_is_refused_while_its_first_runs_and_another_caller_is_not()
    {
        await new DataService.DataServiceClient(Invoker(Roles.Writer)).ImportAsync(
            $"economy,indicator,year,value\nXJA,{Gated},2015,1\nXJA,{Gated},2016,2\nXJB,{Gated},2015,1\nXJB,{Gated},2016,2\n", createEconomies: true);
        var request = new ForecastAllRequest { Indicator = Gated, Method = "naive", Horizon = 1 };
        request.Economies.Add("XJA");
        // The other caller's job forecasts another economy: a second call into XJA would queue behind the held one
        // inside the grain, never reaching the gate.
        var otherRequest = new ForecastAllRequest { Indicator = Gated, Method = "naive", Horizon = 1 };
        otherRequest.Economies.Add("XJB");
        using var cancel = new CancellationTokenSource();
        var readerJobs = new ForecastService.ForecastServiceClient(Invoker(Roles.Reader));
        var writerJobs = new ForecastService.ForecastServiceClient(Invoker(Roles.Writer));

        using AsyncServerStreamingCall<ForecastAllResponse> first = readerJobs.ForecastAll(request, cancellationToken: cancel.Token);
        Task<bool> firstRead = first.ResponseStream.MoveNext(cancel.Token);
        await server.Gate.WhenAsync(g => g.Entered(Gated) >= 1).WaitAsync(HangGuard);
        RpcException second = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using AsyncServerStreamingCall<ForecastAllResponse> call = readerJobs.ForecastAll(request);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
        using AsyncServerStreamingCall<ForecastAllResponse> other = writerJobs.ForecastAll(otherRequest, cancellationToken: cancel.Token);
        Task<bool> otherRead = other.ResponseStream.MoveNext(cancel.Token);
        await server.Gate.WhenAsync(g => g.Entered(Gated) >= 2).WaitAsync(HangGuard);
        await cancel.CancelAsync();
        await EndedAsync(firstRead);
        await EndedAsync(otherRead);

        Assert.Equal(StatusCode.ResourceExhausted, second.StatusCode);
        Assert.Contains("key:reader is already running 1 long jobs", second.Status.Detail);
        Assert.Contains("TradeGrid:RateLimits:JobsPerCaller", second.Status.Detail);
        Assert.Equal("10", second.Trailers.GetValue("retry-after"));
        Assert.Equal(2, server.Gate.Entered(Gated)); // the refused job never reached a grain
    }

    [Fact]
    public async Task An_admin_limit_lets_its_caller_run_more_jobs_than_configuration()
    {
        const string gated = ForecastGate.Prefix + "_admin";
        // The admin's own key runs these jobs: a cancelled job holds its caller's slot until the server notices, so the
        // callers of the other test (reader, writer) must not be this one's, whichever runs first.
        await new DataService.DataServiceClient(Invoker(Roles.Admin)).ImportAsync(
            $"economy,indicator,year,value\nXJC,{gated},2015,1\nXJC,{gated},2016,2\nXJD,{gated},2015,1\nXJD,{gated},2016,2\n", createEconomies: true);
        await new AdminService.AdminServiceClient(Invoker(Roles.Admin)).SetCallerLimitAsync(new SetCallerLimitRequest { Caller = "key:admin", Jobs = 2 });
        using var cancel = new CancellationTokenSource();
        var adminJobs = new ForecastService.ForecastServiceClient(Invoker(Roles.Admin));
        var reads = new List<Task<bool>>();
        var calls = new List<AsyncServerStreamingCall<ForecastAllResponse>>();

        foreach (string economy in new[] { "XJC", "XJD" })
        {
            var request = new ForecastAllRequest { Indicator = gated, Method = "naive", Horizon = 1 };
            request.Economies.Add(economy);
            AsyncServerStreamingCall<ForecastAllResponse> call = adminJobs.ForecastAll(request, cancellationToken: cancel.Token);
            calls.Add(call);
            reads.Add(call.ResponseStream.MoveNext(cancel.Token));
        }
        // Both jobs reach the grains: configuration alone (JobsPerCaller=1) would refuse the second.
        await server.Gate.WhenAsync(g => g.Entered(gated) >= 2).WaitAsync(HangGuard);
        await cancel.CancelAsync();
        foreach (Task<bool> read in reads)
        {
            await EndedAsync(read);
        }
        calls.ForEach(c => c.Dispose());

        Assert.Equal(2, server.Gate.Entered(gated));
    }

    // A cancelled stream ends with Cancelled; one that had sent a progress event first ends with its next read.
    private static async Task EndedAsync(Task<bool> read)
    {
        try
        {
            await read;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
    }

    private CallInvoker Invoker(string role) => server.Channel.WithApiKey(server.Keys[role]);
}
