using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>ForecastAll jobs as a caller follows them: the stream, and the job read back by id until it has ended.</summary>
public static class ForecastJobs
{
    /// <summary>ETS (an optimiser per economy, so the numbers test determinism) on every economy of the default dataset, stored.</summary>
    public static ForecastAllRequest StoredWorld() => new() { Indicator = "rgdpna", Method = "ets", Horizon = 5, Store = true };

    /// <summary>Every event of a stream, or the error that ended it.</summary>
    public static async Task<List<ForecastAllResponse>> CollectAsync(AsyncServerStreamingCall<ForecastAllResponse> call)
    {
        var events = new List<ForecastAllResponse>();
        await foreach (ForecastAllResponse message in call.ResponseStream.ReadAllAsync())
        {
            events.Add(message);
        }
        return events;
    }

    /// <summary>Asks for the job until it is no longer running, through calls that fail while the cluster has not yet noticed a silo's death.</summary>
    public static async Task<GetForecastJobResponse> WhenEndedAsync(ForecastService.ForecastServiceClient client, string jobId)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            GetForecastJobResponse response = await Imports.WhenClusterSettledAsync(() => client.GetForecastJobAsync(new GetForecastJobRequest { JobId = jobId }).ResponseAsync);
            if (response.Job.State != ForecastJobState.Running || DateTime.UtcNow > giveUp)
            {
                return response;
            }
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Every economy's outcome of two runs, in order, compared bit for bit (protobuf's equality compares doubles
    /// bitwise) but for what says when and how it was computed: the data version (a stored run moves it) and
    /// whether the economy grain answered from its cache.
    /// </summary>
    public static void AssertSameNumbers(IReadOnlyList<EconomyForecast> expected, IReadOnlyList<EconomyForecast> actual)
    {
        Assert.Equal(expected.Select(e => e.Economy), actual.Select(a => a.Economy));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Numbers(expected[i]).Equals(Numbers(actual[i])), $"economy {expected[i].Economy}: {expected[i]} differs from {actual[i]}");
        }
    }

    private static EconomyForecast Numbers(EconomyForecast outcome)
    {
        EconomyForecast copy = outcome.Clone();
        if (copy.Forecast is { } forecast)
        {
            forecast.DataVersion = 0;
            forecast.Cached = false;
        }
        return copy;
    }
}
