using TradeGrid.Bench.BareServer;

// The bare baseline: grpc-dotnet on HTTP/2 cleartext, DataService.GetSeries (answering from a dictionary) and
// ExtrapolationService.Predict (answering one stored response).
// Usage: TradeGrid.Bench.BareServer --port N [--payload FILE ...] [--predict-payload FILE]
// Each --payload FILE holds one serialized GetSeriesResponse, --predict-payload one PredictResponse (the bench writes
// what TradeGrid answered), so both servers send the same bytes and the difference between them is TradeGrid's work per call.
int port = 0;
var payloads = new List<string>();
string? predictPayload = null;
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
        case "--predict-payload":
            predictPayload = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; expected --port N [--payload FILE ...] [--predict-payload FILE]");
            return 2;
    }
}
if (port <= 0 || (payloads.Count == 0 && predictPayload is null))
{
    Console.Error.WriteLine("--port N and at least one --payload FILE or a --predict-payload FILE are required");
    return 2;
}

WebApplicationBuilder builder = WebApplication.CreateBuilder();
// Same log filter as TradeGrid's appsettings.json: per-request logs at Information would dominate the timing.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhostOnly(port));
builder.Services.AddGrpc();
builder.Services.AddSingleton(SeriesStore.Load(payloads));
if (predictPayload is not null)
{
    builder.Services.AddSingleton(TradeGrid.Api.V1.PredictResponse.Parser.ParseFrom(File.ReadAllBytes(predictPayload)));
}

WebApplication app = builder.Build();
app.MapGrpcService<BareDataGrpcService>();
if (predictPayload is not null)
{
    app.MapGrpcService<BarePredictGrpcService>();
}

await app.RunAsync();
return 0;
