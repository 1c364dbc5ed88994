using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>scenario list: the jobs the cluster knows, newest first.</summary>
internal static class ScenarioListCommand
{
    public static Command Create()
    {
        Command command = new("list", "The scenario jobs the server knows, newest first");
        command.SetAction(async (parse, ct) =>
        {
            var client = new ScenarioService.ScenarioServiceClient(GlobalOptions.Channel(parse));
            ListScenariosResponse response = await client.ListScenariosAsync(new ListScenariosRequest(), cancellationToken: ct);
            OutputFormat format = parse.GetValue(GlobalOptions.Output);
            // The table leaves out the seed and the fit (up to 20 and 32 characters) to fit 80 columns; CSV and JSON have them.
            string[] headers = format == OutputFormat.Table
                ? ["job", "state", "done", "paths", "started"]
                : ["job_id", "state", "fraction", "paths", "seed", "target_year", "preset", "fit_id", "started_at", "finished_at", "stored", "message"];
            ResultWriter.Write(format, response, headers, response.Jobs.Select(j => format == OutputFormat.Table
                ? new[] { j.JobId, State(j.State), Done(j), Int(j.Paths), Started(j.StartedAt) }
                :
                [
                    j.JobId, State(j.State), ResultWriter.Number(j.Progress?.Fraction ?? 0), Int(j.Paths), j.Seed.ToString(CultureInfo.InvariantCulture),
                    Int(j.TargetYear), j.Preset, j.FitId, j.StartedAt, j.FinishedAt, j.Stored ? "true" : "false", j.Message,
                ]), $"{response.Jobs.Count} scenario jobs");
            return 0;
        });
        return command;
    }

    /// <summary>One line about a job: its id, state, progress, paths and seed, and why it stopped.</summary>
    public static string Describe(ScenarioJob job) =>
        $"job {job.JobId}: {State(job.State)}, {Done(job)} done, {job.Paths} paths, seed {job.Seed}" +
        (job.Preset.Length > 0 ? $", preset {job.Preset}" : string.Empty) +
        (job.Stored ? ", stored" : string.Empty) +
        (job.Message.Length > 0 ? $": {job.Message}" : string.Empty);

    public static string State(ScenarioJobState state) => state switch
    {
        ScenarioJobState.Running => "running",
        ScenarioJobState.Completed => "completed",
        ScenarioJobState.Cancelled => "cancelled",
        ScenarioJobState.Failed => "failed",
        _ => "unknown",
    };

    private static string Done(ScenarioJob job) => ((job.Progress?.Fraction ?? 0) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    // "2026-12-02T12:34:56Z" → "12-02 12:34:56": the year and zone are the same for every row worth reading.
    private static string Started(string rfc3339) =>
        DateTimeOffset.TryParse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t)
            ? t.UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : rfc3339;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
