using System.CommandLine;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands;

/// <summary>A ForecastAll job by its id: its state and, once completed, its whole result (for a stream that broke).</summary>
internal static class ForecastJobCommand
{
    public static Command Create()
    {
        Argument<string> jobId = new("job-id") { Description = "The job's id, as forecast-all prints it (job ID)" };
        Command command = new("forecast-job", "Show a ForecastAll job: running, completed (with every result), cancelled or failed") { jobId };
        command.SetAction(async (parse, ct) =>
        {
            var client = new ForecastService.ForecastServiceClient(GlobalOptions.Channel(parse));
            GetForecastJobResponse response = await client.GetForecastJobAsync(new GetForecastJobRequest { JobId = parse.GetValue(jobId) ?? string.Empty }, cancellationToken: ct);
            Console.Error.WriteLine($"job {response.Job.JobId}: {response.Job.State}{(response.Job.Message.Length > 0 ? " — " + response.Job.Message : string.Empty)}");
            if (response.Write is { } write)
            {
                Console.Error.WriteLine($"write {write.WriteId}: committed (sequence {write.Sequence})");
            }
            ForecastAllCommand.Write(parse.GetValue(GlobalOptions.Output), [.. response.Results], response.Job.Progress);
            return response.Job.State == ForecastJobState.Completed ? 0 : 1;
        });
        return command;
    }
}
