using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>scenario cancel JOB: stops a running job (nothing is stored for it); a finished job is left as it is, and the line says so.</summary>
internal static class ScenarioCancelCommand
{
    public static Command Create()
    {
        Argument<string> job = new("job") { Description = "Job id (32 hex digits)" };
        Command command = new("cancel", "Cancel a running scenario job; nothing is stored for it") { job };
        command.SetAction(async (parse, ct) =>
        {
            var client = new ScenarioService.ScenarioServiceClient(GlobalOptions.Channel(parse));
            CancelScenarioResponse response = await client.CancelScenarioAsync(new CancelScenarioRequest { JobId = parse.GetValue(job) ?? string.Empty }, cancellationToken: ct);
            OutputFormat format = parse.GetValue(GlobalOptions.Output);
            if (format == OutputFormat.Table)
            {
                Console.Out.WriteLine(ScenarioListCommand.Describe(response.Job));
            }
            else
            {
                ResultWriter.Write(format, response, ["job_id", "state", "message"],
                    [[response.Job.JobId, ScenarioListCommand.State(response.Job.State), response.Job.Message]]);
            }
            return 0;
        });
        return command;
    }
}
