using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// scenario run spec.json|--preset NAME: streams the job (progress on stderr), then prints the world's and the
/// groups' years (baseline, scenario, difference, 5–95% bands) and can draw the fan chart. A stream that breaks after
/// the job's id arrived (the serving silo lost) re-attaches once by that id: the job runs on in the cluster.
/// </summary>
internal static class ScenarioRunCommand
{
    public static Command Create()
    {
        Argument<FileInfo?> spec = new("spec") { Description = "Scenario spec: protobuf JSON of ScenarioSpec, or the body of POST /v1/scenarios", Arity = ArgumentArity.ZeroOrOne };
        Option<string> preset = new("--preset") { Description = "itc-world-2030 or rcep-openness (docs/scenarios.md); spec fields override it" };
        Option<int?> paths = new("--paths") { Description = "Monte Carlo paths (0: deterministic only)" };
        Option<ulong?> seed = new("--seed") { Description = "Seed of every random stream: the same seed gives the same numbers" };
        Option<int?> target = new("--target-year") { Description = "Last projected year" };
        Option<string[]> groups = new("--groups") { Description = "Groups reported besides the world", AllowMultipleArgumentsPerToken = true };
        Option<bool> store = new("--store") { Description = "Store the result (scenario get JOB returns it later)" };
        var files = new ScenarioFileOptions();
        Command command = new("run", "Run a scenario: progress, then the world's and groups' baseline, scenario, difference and bands")
        {
            spec, preset, paths, seed, target, groups, store,
        };
        foreach (Option option in files.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            ScenarioSpec request;
            try
            {
                request = parse.GetValue(spec) is { } file ? ScenarioSpecFile.Read(file.FullName) : new ScenarioSpec();
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error (InvalidArgument): {ex.Message}");
                return ExitCodes.For(StatusCode.InvalidArgument);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"error (InvalidArgument): spec: {ex.Message}");
                return ExitCodes.For(StatusCode.InvalidArgument);
            }

            if (parse.GetValue(preset) is { Length: > 0 } name)
            {
                request.Preset = name;
            }
            if (parse.GetValue(paths) is { } n)
            {
                request.Paths = n;
            }
            if (parse.GetValue(seed) is { } s)
            {
                request.Seed = s;
            }
            if (parse.GetValue(target) is { } year)
            {
                request.TargetYear = year;
            }
            request.Groups.AddRange(FitCommand.Split(parse.GetValue(groups)));
            request.Store |= parse.GetValue(store);
            if (request.Preset.Length == 0 && request.FitId.Length == 0 && request.Fit is null)
            {
                Console.Error.WriteLine("error (InvalidArgument): give a spec file or --preset (itc-world-2030, rcep-openness)");
                return ExitCodes.For(StatusCode.InvalidArgument);
            }

            var client = new ScenarioService.ScenarioServiceClient(GlobalOptions.Channel(parse));
            var clock = Stopwatch.StartNew();
            ScenarioRun run = await ScenarioProgress.TrackAsync(
                request.Preset.Length > 0 ? $"scenario {request.Preset}" : "scenario",
                report => RunAsync(client, request, report, ct));
            // Two short lines: the 32-digit job id leaves no room for the rest in 80 columns.
            Console.Error.WriteLine($"job {run.Job.JobId}");
            Console.Error.WriteLine($"{run.Result.Projected} economies projected, {run.Result.Skipped} skipped; " +
                $"{run.Result.Paths} paths, seed {run.Result.Seed}; {clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s");

            ScenarioTable.Write(parse.GetValue(GlobalOptions.Output), run.Result);
            return files.Write(parse, run.Result);
        });
        return command;
    }

    private static async Task<ScenarioRun> RunAsync(ScenarioService.ScenarioServiceClient client, ScenarioSpec spec, Action<JobProgress> report, CancellationToken ct)
    {
        var stream = new StreamedScenario();
        try
        {
            await stream.ReadAsync(client.RunScenario(new RunScenarioRequest { Spec = spec }, cancellationToken: ct), report, ct);
        }
        catch (RpcException ex) when (stream.Job is { } job && ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown)
        {
            // The stream broke (the server's silo lost, a connection cut), not the job: it runs on in the cluster.
            // Re-attach by its id, once, and read it again from its start; the job is the same, so are its numbers.
            Console.Error.WriteLine($"the stream of job {job.JobId} broke ({ex.StatusCode}); re-attaching by job id " +
                $"(if this fails too: scenario get {job.JobId}, through any server of the cluster)");
            stream = new StreamedScenario();
            await stream.ReadAsync(client.RunScenario(new RunScenarioRequest { JobId = job.JobId }, cancellationToken: ct), report, ct);
        }

        return stream.ToRun();
    }

    /// <summary>What one RunScenario stream delivered: the job, each economy, the summary.</summary>
    private sealed class StreamedScenario
    {
        private readonly List<ScenarioSeries> _economies = [];
        private ScenarioResult? _summary;

        public ScenarioJob? Job { get; private set; }

        public async Task ReadAsync(AsyncServerStreamingCall<RunScenarioResponse> started, Action<JobProgress> report, CancellationToken ct)
        {
            using AsyncServerStreamingCall<RunScenarioResponse> call = started;
            await foreach (RunScenarioResponse message in call.ResponseStream.ReadAllAsync(ct))
            {
                switch (message.EventCase)
                {
                    case RunScenarioResponse.EventOneofCase.Job:
                        Job = message.Job;
                        break;
                    case RunScenarioResponse.EventOneofCase.Progress:
                        report(message.Progress);
                        break;
                    case RunScenarioResponse.EventOneofCase.Economy:
                        _economies.Add(message.Economy);
                        break;
                    case RunScenarioResponse.EventOneofCase.Summary:
                        _summary = message.Summary;
                        break;
                }
            }
        }

        public ScenarioRun ToRun()
        {
            if (Job is null || _summary is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "the scenario stream ended without its job or its summary"));
            }

            // The summary leaves out the economies already streamed: put them back, in code order, so that the
            // CSV and JSON hold the whole result, as GetScenario returns it.
            _summary.Economies.Clear();
            _summary.Economies.AddRange(_economies.OrderBy(e => e.Economy, StringComparer.Ordinal).ThenBy(e => e.Partner, StringComparer.Ordinal));
            return new ScenarioRun(Job, _summary);
        }
    }
}
