using System.CommandLine;
using Grpc.Core;
using TradeGrid.Cli;
using TradeGrid.Cli.Commands;
using TradeGrid.Cli.Commands.Describe;
using TradeGrid.Cli.Commands.Etable;
using TradeGrid.Cli.Commands.Scenarios;

var root = new RootCommand("TradeGrid client: economies, indicators, series, imports, describe measures and gap filling from a TradeGrid server")
{
    EconomiesCommand.Create(),
    EconomyCommand.Create(),
    IndicatorsCommand.Create(),
    GroupsCommand.Create(),
    SeriesCommand.Create(),
    PanelCommand.Create(),
    ImportCommand.Create(),
    DescribeCommand.Create(),
    ForecastCommand.Create(),
    ForecastAllCommand.Create(),
    ForecastJobCommand.Create(),
    FitCommand.Create(),
    EtableCommand.Create(),
    PredictCommand.Create(),
    WorldCommand.Create(),
    ScenarioCommand.Create(),
    WriteCommand.Create(),
    KeysCommand.Create(),
    AuditCommand.Create(),
    LimitsCommand.Create(),
};
foreach (Option option in GlobalOptions.All)
{
    root.Options.Add(option);
}
foreach (Command command in DescribeCommand.TopLevel())
{
    root.Subcommands.Add(command);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (RpcException ex) when (TlsFailure.Of(ex) is { } tls)
{
    Console.Error.WriteLine($"error (Unavailable): TLS with the server failed: {tls}; if the server's certificate comes from your own authority, give its PEM with --ca FILE");
    return ExitCodes.For(StatusCode.Unavailable);
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"error ({ex.StatusCode}): {ex.Status.Detail}");
    if (ex.Trailers.GetValue("tradegrid-write") is { } outcome)
    {
        // A call that began a write says whether it happened: not-written, or committed although the call then failed.
        Console.Error.WriteLine($"write {ex.Trailers.GetValue("tradegrid-write-id")}: {outcome}");
    }
    return ExitCodes.For(ex.StatusCode);
}
catch (ArgumentException ex) when (ex.Message.StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
