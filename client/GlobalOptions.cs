using System.CommandLine;
using Grpc.Net.Client;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli;

/// <summary>Options every command takes: which server, and how to print.</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    public static readonly Option<string> Server = new("--server")
    {
        Description = "TradeGrid gRPC address",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRADEGRID_SERVER") ?? DefaultServer,
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table, csv or json (protobuf's JSON mapping of the response)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static GrpcChannel Channel(ParseResult parse) =>
        GrpcChannel.ForAddress(parse.GetValue(Server) ?? DefaultServer, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
}
