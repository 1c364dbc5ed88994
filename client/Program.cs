using System.CommandLine;
using Grpc.Core;
using TradeGrid.Cli;
using TradeGrid.Cli.Commands;
using TradeGrid.Cli.Commands.Describe;
using TradeGrid.Cli.Commands.Etable;

var root = new RootCommand("TradeGrid client: economies, indicators, series, imports, describe measures and gap filling from a TradeGrid server")
{
    GlobalOptions.Server,
    GlobalOptions.Output,
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
    FitCommand.Create(),
    EtableCommand.Create(),
    PredictCommand.Create(),
    WorldCommand.Create(),
    WriteCommand.Create(),
};
foreach (Command command in DescribeCommand.TopLevel())
{
    root.Subcommands.Add(command);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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
