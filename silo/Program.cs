using TradeGrid.Api.Hosting;

// One process: an Orleans silo with the gRPC gateway (127.0.0.1:5080) and JSON/HTTP (127.0.0.1:5081).
// Switches: --grpc-port, --http-port, --host, --silo-port, --gateway-port, --data-dir PATH (repeatable), --no-default-data,
// --allow-anonymous, --tls-cert PATH, --tls-key PATH, --postgres CONNECTION (the PostgreSQL backend: a cluster of any
// number of silos); `new-api-key --id ID --role ROLE` prints a key and its configuration entry; `db migrate --postgres ...`
// creates the schema.
if (DatabaseCommand.Matches(args))
{
    return await DatabaseCommand.RunAsync(args);
}

return await ServerMain.RunAsync(args);
