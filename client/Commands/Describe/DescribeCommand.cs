using System.CommandLine;

namespace TradeGrid.Cli.Commands.Describe;

/// <summary>
/// The describe family (`describe growth`, `describe share`, ...); each command is also registered at the top level
/// (`growth`, `share`, ...), so both spellings work.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        Command check = CheckTableCommand.Create();
        check.Aliases.Add("check");
        return new Command("describe", "Growth, shares, ratios, balances, group aggregates, contributions and checks of published tables")
        {
            GrowthCommand.Create(),
            ShareCommand.Create(),
            PairCommands.Ratio(),
            PairCommands.Balance(),
            AggregateCommand.Create(),
            ContributionsCommand.Create(),
            check,
            FillCommand.Create(),
        };
    }

    /// <summary>The same commands for the top level.</summary>
    public static IEnumerable<Command> TopLevel() =>
    [
        GrowthCommand.Create(),
        ShareCommand.Create(),
        PairCommands.Ratio(),
        PairCommands.Balance(),
        AggregateCommand.Create(),
        ContributionsCommand.Create(),
        CheckTableCommand.Create(),
        FillCommand.Create(),
    ];
}
