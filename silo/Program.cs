using TradeGrid.Api.Hosting;

// One process: an Orleans silo with the gRPC gateway (127.0.0.1:5080) and JSON/HTTP (127.0.0.1:5081).
// Switches: --grpc-port, --http-port, --host, --silo-port, --gateway-port, --data-dir PATH (repeatable), --no-default-data.
await TradeGridHost.Build(args).RunAsync();
