using TradeGrid.Bench.BareServer;

// The bare baseline: grpc-dotnet on HTTP/2 cleartext, DataService.GetSeries only, answering from a dictionary.
// Usage: TradeGrid.Bench.BareServer --port N --payload FILE [--payload FILE ...]
// Each FILE holds one serialized GetSeriesResponse (the bench writes what TradeGrid answered), so both servers
// send the same bytes and the difference between them is TradeGrid's work per call.
int port = 0;
var payloads = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--payload":
            payloads.Add(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; expected --port N --payload FILE");
            return 2;
    }
}
if (port <= 0 || payloads.Count == 0)
{
    Console.Error.WriteLine("--port N and at least one --payload FILE are required");
    return 2;
}

WebApplicationBuilder builder = WebApplication.CreateBuilder();
// Same log filter as TradeGrid's appsettings.json: per-request logs at Information would dominate the timing.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhostOnly(port));
builder.Services.AddGrpc();
builder.Services.AddSingleton(SeriesStore.Load(payloads));
WebApplication app = builder.Build();
app.MapGrpcService<BareDataGrpcService>();
await app.RunAsync();
return 0;
