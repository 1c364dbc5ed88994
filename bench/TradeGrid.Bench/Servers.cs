using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>Starts TradeGrid and the bare server on free loopback ports and waits until they answer.</summary>
internal sealed class Servers(RepositoryLayout layout, string outDirectory)
{
    private int _started;

    /// <summary>
    /// TradeGrid's silo (default dataset) on four free ports; returns the process and its gRPC port. <paramref name="siloDll"/>
    /// runs another build of it (a baseline) instead of this repository's.
    /// </summary>
    public (ServerProcess Process, int GrpcPort) StartTradeGrid(string? siloDll = null, IEnumerable<string>? extraArgs = null)
    {
        int[] ports = FreePorts.Take(4);
        string[] args =
        [
            "--grpc-port", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--http-port", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--silo-port", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. extraArgs ?? [],
        ];
        return (ServerProcess.Start("tradegrid", siloDll ?? layout.SiloDll, args, NextLog("tradegrid")), ports[0]);
    }

    /// <summary>
    /// The bare grpc-dotnet server answering GetSeries with the serialized responses in the given files, and Predict with
    /// the one in <paramref name="predictPayload"/> when given.
    /// </summary>
    public (ServerProcess Process, int GrpcPort) StartBare(IEnumerable<string> payloadFiles, string? predictPayload = null)
    {
        int port = FreePorts.Take(1)[0];
        var args = new List<string> { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (string file in payloadFiles)
        {
            args.Add("--payload");
            args.Add(file);
        }

        if (predictPayload is not null)
        {
            args.Add("--predict-payload");
            args.Add(predictPayload);
        }
        return (ServerProcess.Start("bare", layout.BareDll, args, NextLog("bare")), port);
    }

    /// <summary>Polls Predict until the bare server answers it.</summary>
    public static async Task WaitPredictAsync(ServerProcess server, ExtrapolationService.ExtrapolationServiceClient client, PredictRequest request, TimeSpan timeout)
    {
        await PollAsync(server, timeout, async () =>
        {
            await client.PredictAsync(request, deadline: DateTime.UtcNow.AddSeconds(2));
            return true;
        });
    }

    /// <summary>Polls grpc.health.v1 until SERVING; the silo says SERVING only once its dataset is loaded.</summary>
    public static async Task WaitServingAsync(ServerProcess server, GrpcChannel channel, TimeSpan timeout)
    {
        var health = new Health.HealthClient(channel);
        await PollAsync(server, timeout, async () =>
        {
            HealthCheckResponse response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        });
    }

    /// <summary>
    /// Polls GetSeries until it returns observations; returns the answer and the time since the process started.
    /// An empty series does not count: a server still loading may know the codes but not yet the values.
    /// </summary>
    public static async Task<(GetSeriesResponse Response, TimeSpan SinceStart)> WaitFirstSeriesAsync(
        ServerProcess server, DataService.DataServiceClient client, GetSeriesRequest request, TimeSpan timeout)
    {
        GetSeriesResponse? answer = null;
        await PollAsync(server, timeout, async () =>
        {
            GetSeriesResponse response = await client.GetSeriesAsync(request, deadline: DateTime.UtcNow.AddSeconds(2));
            answer = response.Series?.Observations.Count > 0 ? response : null;
            return answer is not null;
        });
        TimeSpan sinceStart = Stopwatch.GetElapsedTime(server.StartedAt);
        return (answer!, sinceStart); // PollAsync returns only once answer was set
    }

    private static async Task PollAsync(ServerProcess server, TimeSpan timeout, Func<Task<bool>> attempt)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{server.Name} exited before it answered; see {server.LogPath}");
            }
            try
            {
                if (await attempt())
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet (Unavailable), or not ready (NotFound, a deadline): try again.
            }
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"{server.Name} did not answer within {timeout.TotalSeconds:F0} s; see {server.LogPath}");
            }
            await Task.Delay(25);
        }
    }

    private string NextLog(string name) =>
        Path.Combine(outDirectory, "logs", $"{name}-{Environment.ProcessId}-{Interlocked.Increment(ref _started)}.log");
}
