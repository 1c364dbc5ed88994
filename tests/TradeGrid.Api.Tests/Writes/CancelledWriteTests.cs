using System.Globalization;
using System.Text;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>
/// Writes cut by the caller's deadline or cancellation on a fresh server: a stored ForecastAll cancelled mid-write
/// moves no data version, imports alternating with such cancellations all succeed whole, and every response or
/// trailer says whether the write was committed. The gate holds each write at its commit point until the
/// cancellation arrives, so the cancellation lands mid-write whatever the machine's speed; and the gate stays shut
/// until the server has finished the cut call (<see cref="CallTracker"/>): the caller's deadline fires at the caller
/// first, and a gate opened before the server noticed would let that write commit after all.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class CancelledWriteTests(GatedServerFixture server) : IClassFixture<GatedServerFixture>
{
    private DataService.DataServiceClient Data => new(server.Channel);
    private ForecastService.ForecastServiceClient Forecasts => new(server.Channel);
    private WriteService.WriteServiceClient Writes => new(server.Channel);

    private static ForecastAllRequest StoredPopDrift => new() { Indicator = "pop", Method = "drift", Horizon = 3, Store = true };

    private async Task<string[]> EconomiesAsync() =>
        (await Data.ListEconomiesAsync(new ListEconomiesRequest())).Economies.Select(e => e.Code).ToArray();

    private async Task<Dictionary<string, long>> VersionsAsync(string[] economies)
    {
        long[] versions = await Task.WhenAll(economies.Select(async e => (await Data.GetEconomyAsync(new GetEconomyRequest { Economy = e })).DataVersion));
        return economies.Zip(versions).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>Only a guard against a server that never ends a cut call, not a speed requirement.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>Opens the gate once the server has ended every call, so no write reaches it open by accident.</summary>
    private async Task OpenGateWhenServerIdleAsync()
    {
        await server.Calls.WhenIdle().WaitAsync(HangGuard);
        server.Gate.Mode = GateMode.Open;
    }

    private static string FileTouching(string[] economies, string indicator, Func<int, double> value)
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        for (int i = 0; i < economies.Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{economies[i]},{indicator},2001,{value(i)}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task A_stored_ForecastAll_cancelled_mid_write_moves_no_data_version()
    {
        string[] economies = await EconomiesAsync();
        Dictionary<string, long> before = await VersionsAsync(economies);
        server.Gate.Mode = GateMode.HoldUntilCancelled;
        int results = 0;
        try
        {
            // Cancelled once 20 economies have answered: with a write per economy, 20 economies had written by then.
            using var cancel = new CancellationTokenSource();
            using AsyncServerStreamingCall<ForecastAllResponse> call = Forecasts.ForecastAll(StoredPopDrift, cancellationToken: cancel.Token);
            RpcException cut = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                // The call carries the token: reads then fail with Cancelled (a token given to the reads too may raise
                // OperationCanceledException instead, whichever notices first).
                await foreach (ForecastAllResponse message in call.ResponseStream.ReadAllAsync())
                {
                    Assert.NotEqual(ForecastAllResponse.EventOneofCase.Write, message.EventCase);
                    if (message.EventCase == ForecastAllResponse.EventOneofCase.Result && ++results == 20)
                    {
                        await cancel.CancelAsync();
                    }
                }
            });
            Assert.Equal(StatusCode.Cancelled, cut.StatusCode);
        }
        finally
        {
            await OpenGateWhenServerIdleAsync();
        }

        Dictionary<string, long> after = await VersionsAsync(economies);
        Assert.Equal(20, results);
        Assert.DoesNotContain(economies, e => after[e] != before[e]);
    }

    [Fact]
    public async Task Twelve_cancelled_stored_forecasts_alternating_with_imports_leave_every_economy_consistent()
    {
        string[] economies = await EconomiesAsync();
        Assert.True(economies.Length >= 200, $"{economies.Length} economies");

        for (int round = 0; round < 12; round++)
        {
            Dictionary<string, long> before = await VersionsAsync(economies);
            server.Gate.Mode = GateMode.HoldUntilCancelled;
            RpcException cut;
            try
            {
                cut = await Assert.ThrowsAsync<RpcException>(async () =>
                {
                    using AsyncServerStreamingCall<ForecastAllResponse> call = Forecasts.ForecastAll(StoredPopDrift, deadline: DateTime.UtcNow.AddMilliseconds(50));
                    await foreach (ForecastAllResponse message in call.ResponseStream.ReadAllAsync())
                    {
                        Assert.NotEqual(ForecastAllResponse.EventOneofCase.Write, message.EventCase);
                    }
                });
            }
            finally
            {
                await OpenGateWhenServerIdleAsync();
            }
            Dictionary<string, long> afterCut = await VersionsAsync(economies);
            int r = round;
            ImportResponse imported = await Data.ImportAsync(FileTouching(economies, "acc_round", i => r * 1000 + i));

            // The server enforces the deadline too; when its reset of the stream reaches the client before the client's
            // own timer fires, the client reports Unavailable ("the request was aborted") instead.
            Assert.True(cut.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable, $"round {round}: {cut.Status}");
            Assert.DoesNotContain(economies, e => afterCut[e] != before[e]);
            Assert.True(imported.Write.Committed);
            Assert.Equal(economies.Length, imported.EconomiesTouched);
        }

        ImportResponse final = await Data.ImportAsync(FileTouching(economies, "acc_final", i => 0.5 + i));
        Series[] series = await Task.WhenAll(economies.Select(async e =>
            (await Data.GetSeriesAsync(new GetSeriesRequest { Economy = e, Indicator = "acc_final" })).Series));

        Assert.True(final.Write.Committed);
        Assert.Equal(economies.Length, final.EconomiesTouched);
        for (int i = 0; i < economies.Length; i++)
        {
            Assert.Equal(0.5 + i, Assert.Single(series[i].Observations).Value);
        }
        Series lastRound = (await Data.GetSeriesAsync(new GetSeriesRequest { Economy = economies[^1], Indicator = "acc_round" })).Series;
        Assert.Equal(11 * 1000 + economies.Length - 1, Assert.Single(lastRound.Observations).Value);
    }

    [Fact]
    public async Task A_caller_cut_off_after_the_commit_point_learns_from_GetWrite_that_its_write_committed()
    {
        string[] economies = await EconomiesAsync();
        GetEconomyResponse[] overviews = await Task.WhenAll(economies.Select(async e => await Data.GetEconomyAsync(new GetEconomyRequest { Economy = e })));
        string[] withPop = overviews.Where(o => o.Series.Any(s => s.Indicator == "pop" && s.Partner.Length == 0)).Select(o => o.Economy.Code).Order(StringComparer.Ordinal).ToArray();
        Dictionary<string, long> before = overviews.ToDictionary(o => o.Economy.Code, o => o.DataVersion, StringComparer.Ordinal);
        server.Gate.Mode = GateMode.HoldAfterCommit;
        string? announced;
        GetWriteResponse asked;
        try
        {
            using var cancel = new CancellationTokenSource();
            using AsyncServerStreamingCall<ForecastAllResponse> call = Forecasts.ForecastAll(StoredPopDrift, cancellationToken: cancel.Token);
            announced = (await call.ResponseHeadersAsync).GetValue("tradegrid-write-id");
            // Read on while the economies forecast (an unread stream would stall the server), until the write commits.
            Task<RpcException> reading = Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (ForecastAllResponse message in call.ResponseStream.ReadAllAsync())
                {
                    Assert.NotEqual(ForecastAllResponse.EventOneofCase.Write, message.EventCase);
                }
            });
            Guid held = await server.Gate.Committed.WaitAsync(HangGuard);
            await cancel.CancelAsync();
            RpcException cut = await reading;
            asked = await Writes.GetWriteAsync(new GetWriteRequest { WriteId = announced });

            Assert.Equal(StatusCode.Cancelled, cut.StatusCode);
            Assert.Equal(held.ToString(), announced);
        }
        finally
        {
            server.Gate.Mode = GateMode.Open;
            server.Gate.Release();
            await server.Calls.WhenIdle().WaitAsync(HangGuard);
        }

        // Committed, so it completes: exactly the economies with a pop series stored its forecast, no other moved.
        Dictionary<string, long> after = await VersionsAsync(economies);
        Assert.Equal(WriteState.Committed, asked.State);
        Assert.True(asked.Write.Committed);
        Assert.True(asked.Write.Sequence > 0, $"sequence {asked.Write.Sequence}");
        Assert.NotEmpty(withPop);
        Assert.Equal(withPop, economies.Where(e => after[e] != before[e]).Order(StringComparer.Ordinal));
        GetWriteResponse later = await Writes.GetWriteAsync(new GetWriteRequest { WriteId = announced });
        Assert.Equal(asked.Write, later.Write);
    }

    [Fact]
    public async Task GetWrite_says_aborted_for_a_cancelled_write_and_unknown_for_an_id_never_used()
    {
        string[] economies = (await EconomiesAsync()).Take(3).ToArray();
        server.Gate.Mode = GateMode.HoldUntilCancelled;
        string? announced;
        try
        {
            using var cancel = new CancellationTokenSource();
            using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = Data.Import(cancellationToken: cancel.Token);
            await call.RequestStream.WriteAsync(new ImportRequest { Header = new ImportHeader { FileName = "t.csv", Source = "test" } });
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(FileTouching(economies, "acc_getwrite", i => i)) });
            await call.RequestStream.CompleteAsync();
            announced = (await call.ResponseHeadersAsync).GetValue("tradegrid-write-id");
            await cancel.CancelAsync();
            await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        }
        finally
        {
            await OpenGateWhenServerIdleAsync();
        }

        GetWriteResponse aborted = await Writes.GetWriteAsync(new GetWriteRequest { WriteId = announced });
        GetWriteResponse unknown = await Writes.GetWriteAsync(new GetWriteRequest { WriteId = Guid.NewGuid().ToString() });

        Assert.True(Guid.TryParse(announced, out _), announced);
        Assert.Equal(WriteState.Aborted, aborted.State);
        Assert.False(aborted.Write.Committed);
        Assert.Equal(WriteState.Unknown, unknown.State);
        Assert.False(unknown.Write.Committed);
    }

    [Fact]
    public async Task A_committed_import_says_so_in_its_response_and_trailer()
    {
        string[] economies = (await EconomiesAsync()).Take(3).ToArray();
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = Data.Import();
        await call.RequestStream.WriteAsync(new ImportRequest { Header = new ImportHeader { FileName = "t.csv", Source = "test" } });
        await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(FileTouching(economies, "acc_trailer", i => i)) });
        await call.RequestStream.CompleteAsync();

        ImportResponse response = await call.ResponseAsync;

        Assert.True(response.Write.Committed);
        Assert.True(Guid.TryParse(response.Write.WriteId, out _));
        Assert.True(response.Write.Sequence > 0);
        Metadata trailers = call.GetTrailers();
        Assert.Equal("committed", trailers.GetValue("tradegrid-write"));
        Assert.Equal(response.Write.WriteId, trailers.GetValue("tradegrid-write-id"));
    }

    [Fact]
    public async Task A_write_refused_at_its_commit_point_is_aborted_writes_nothing_and_says_not_written()
    {
        string[] economies = (await EconomiesAsync()).Take(3).ToArray();
        Dictionary<string, long> before = await VersionsAsync(economies);
        server.Gate.Mode = GateMode.AbortAtLedger;
        RpcException refused;
        try
        {
            using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = Data.Import();
            await call.RequestStream.WriteAsync(new ImportRequest { Header = new ImportHeader { FileName = "t.csv", Source = "test" } });
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(FileTouching(economies, "acc_aborted", i => i)) });
            await call.RequestStream.CompleteAsync();
            refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        }
        finally
        {
            server.Gate.Mode = GateMode.Open;
        }

        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Contains("nothing was written", refused.Status.Detail);
        Assert.Equal("not-written", refused.Trailers.GetValue("tradegrid-write"));
        Assert.Equal(before, await VersionsAsync(economies));
        // Not even the indicator was added: the catalogue learns of an import's indicators after its commit.
        RpcException unknown = await Assert.ThrowsAsync<RpcException>(() => Data.GetSeriesAsync(new GetSeriesRequest { Economy = economies[0], Indicator = "acc_aborted" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }
}
