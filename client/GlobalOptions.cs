using System.CommandLine;
using Grpc.Net.Client;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli;

/// <summary>Options every command takes: which server, how to prove who you are, which certificate to trust, and how to print.</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    public static readonly Option<string> Server = new("--server")
    {
        Description = "TradeGrid gRPC address (https://... for TLS)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRADEGRID_SERVER") ?? DefaultServer,
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table, csv or json (protobuf's JSON mapping of the response)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "API key (tg_ID_SECRET), sent as x-api-key; default: TRADEGRID_API_KEY",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRADEGRID_API_KEY"),
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "JWT bearer token, sent as Authorization: Bearer; default: TRADEGRID_TOKEN",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRADEGRID_TOKEN"),
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Ca = new("--ca")
    {
        Description = "PEM certificate of the authority that signed the server's certificate (trusted for this call only)",
        Recursive = true,
    };

    public static readonly Option<bool> Insecure = new("--insecure")
    {
        Description = "TLS without checking the server's certificate (tests only: anyone in between can read the key)",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Server, Output, ApiKey, Token, Ca, Insecure];

    public static GrpcChannel Channel(ParseResult parse) => ServerConnection.Open(
        parse.GetValue(Server) ?? DefaultServer,
        parse.GetValue(ApiKey),
        parse.GetValue(Token),
        parse.GetValue(Ca),
        parse.GetValue(Insecure));
}
