using System.CommandLine;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>scenario run|get|list|cancel: baseline against shocked drivers through a fitted model, as jobs on the server.</summary>
internal static class ScenarioCommand
{
    public static Command Create() => new("scenario", "Run scenarios (shocked drivers through a fitted model, with Monte Carlo bands) and manage their jobs")
    {
        ScenarioRunCommand.Create(),
        ScenarioGetCommand.Create(),
        ScenarioListCommand.Create(),
        ScenarioCancelCommand.Create(),
    };
}
