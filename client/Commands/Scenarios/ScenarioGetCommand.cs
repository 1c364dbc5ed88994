using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>scenario get JOB: the job's state and, once it completed, its result as scenario run prints it.</summary>
internal static class ScenarioGetCommand
{
    public static Command Create()
    {
        Argument<string> job = new("job") { Description = "Job id (32 hex digits), as scenario run and scenario list print it" };
        var files = new ScenarioFileOptions();
        Command command = new("get", "A scenario job's state, and its result once completed") { job };
        foreach (Option option in files.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            var client = new ScenarioService.ScenarioServiceClient(GlobalOptions.Channel(parse));
            GetScenarioResponse response = await client.GetScenarioAsync(new GetScenarioRequest { JobId = parse.GetValue(job) ?? string.Empty }, cancellationToken: ct);
            OutputFormat format = parse.GetValue(GlobalOptions.Output);
            if (format == OutputFormat.Json)
            {
                // The whole response: the job and (when completed) the result.
                ResultWriter.Write(format, response, [], []);
                return response.Result is null ? 0 : files.Write(parse, response.Result);
            }

            Console.Error.WriteLine(ScenarioListCommand.Describe(response.Job));
            if (response.Result is null)
            {
                return 0;
            }
            ScenarioTable.Write(format, response.Result);
            return files.Write(parse, response.Result);
        });
        return command;
    }
}
