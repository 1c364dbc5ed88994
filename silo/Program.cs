using TradeGrid.Api.Hosting;

// One process: an Orleans silo with the gRPC gateway (127.0.0.1:5080) and JSON/HTTP (127.0.0.1:5081).
// Switches: --grpc-port, --http-port, --host, --silo-port, --gateway-port, --data-dir PATH (repeatable), --no-default-data,
// --postgres CONNECTION (the PostgreSQL backend: a cluster of any number of silos). `db migrate --postgres ...` creates the schema.
if (DatabaseCommand.Matches(args))
{
    return await DatabaseCommand.RunAsync(args);
}

await TradeGridHost.Build(args).RunAsync();
return Environment.ExitCode;
