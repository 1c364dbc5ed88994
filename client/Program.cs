using System.CommandLine;
using Grpc.Core;
using TradeGrid.Cli;
using TradeGrid.Cli.Commands;

var root = new RootCommand("TradeGrid client: economies, indicators, series and imports from a TradeGrid server")
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
    FitCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"error ({ex.StatusCode}): {ex.Status.Detail}");
    return ExitCodes.For(ex.StatusCode);
}
