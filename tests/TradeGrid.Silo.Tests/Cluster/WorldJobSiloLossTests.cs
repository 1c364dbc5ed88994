using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// The stored world pipeline (ITC Box 2 on the default dataset) as a durable job, held by a file gate at one of its
/// checkpoints (not at a guessed moment): just after its plan is stored, or just after every economy staged its
/// shares. kill -9 of the silo running the job: the job is resumed on the other silo, the caller gets its result
/// (through its gateway's resend, or by sending the same request_id again when its own silo died), its write is
/// committed once, and every year's numbers are bit-identical to the same pipeline run afresh on the survivor alone.
/// </summary>
public sealed class WorldJobSiloLossTests
{
    [PostgresTheory]
    [InlineData(0, "from its plan")]
    [InlineData(1, "from its staged write")]
    public async Task KillingTheSiloRunningAStoredWorldJob_ResumesIt_AndCommitsOnce(int checkpoint, string stage)
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint(checkpoint);

        EstimateWorldRequest request = new() { Store = true, RequestId = $"world-loss-{checkpoint}" };
        Task<EstimateWorldResponse> first = new ExtrapolationService.ExtrapolationServiceClient(a.Channel).EstimateWorldAsync(request).ResponseAsync;
        (SiloProcess victim, string jobId, int reached) = await cluster.WhenHeldAsync();
        SiloProcess survivor = victim == a ? b : a;
        victim.Kill();
        cluster.ReleaseCheckpoint();

        var throughSurvivor = new ExtrapolationService.ExtrapolationServiceClient(survivor.Channel);
        EstimateWorldResponse resumed;
        if (victim == a)
        {
            await Assert.ThrowsAsync<RpcException>(() => first);
            resumed = await Imports.WhenClusterSettledAsync(() => throughSurvivor.EstimateWorldAsync(request).ResponseAsync);
        }
        else
        {
            resumed = await first;
        }

        Assert.Equal(checkpoint, reached);
        Assert.Equal($"r-{request.RequestId}", jobId);
        Assert.Contains($"World job {jobId} resumes ({stage})", survivor.Log);
        Assert.True(resumed.Write.Committed);
        Assert.True(resumed.Stored > 0, $"{resumed.Stored} shares stored");
        GetWriteResponse write = await new WriteService.WriteServiceClient(survivor.Channel).GetWriteAsync(new GetWriteRequest { WriteId = resumed.Write.WriteId });
        Assert.Equal(WriteState.Committed, write.State);

        // Sent again under the same request_id: the job's result, not a second run or write.
        EstimateWorldResponse again = await throughSurvivor.EstimateWorldAsync(request);
        Assert.Equal(resumed, again);

        // The same pipeline afresh (not stored, no request_id) on the survivor alone: the same numbers, year by year.
        EstimateWorldResponse alone = await throughSurvivor.EstimateWorldAsync(new EstimateWorldRequest());
        Assert.Equal(alone.Years, resumed.Years);
        Assert.Equal(alone.Fit.Coefficients, resumed.Fit.Coefficients);
    }

    [PostgresFact]
    public async Task TheSameRequestId_WithOtherFields_IsRefused_NamingTheField()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        var client = new ExtrapolationService.ExtrapolationServiceClient(a.Channel);
        await client.EstimateWorldAsync(new EstimateWorldRequest { RequestId = "world-twice" });

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.EstimateWorldAsync(new EstimateWorldRequest { RequestId = "world-twice", Level = 0.9 }));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("request_id:", refused.Status.Detail, StringComparison.Ordinal);
    }
}
