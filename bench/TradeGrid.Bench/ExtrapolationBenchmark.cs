using System.Diagnostics;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Extrapolation through the server, side by side with R. A fit (ln rgdpna on ln pop, hc and openness, every
/// economy 1990–2007, classical covariance) is made once; then Predict for every economy × 2008–2017 (point, SEs,
/// 95% prediction interval, smearing) is timed per request, and R's predict(lm, interval = "prediction") with the same
/// smearing on the same rows (bench/extrapolation/predict.R, data in memory) is timed in the same run; the two sets of
/// predictions are checked to agree. The first Predict after the fit (activations, the smearing round) is timed apart
/// from the warm ones; each warm Predict is paired with one to the bare grpc-dotnet server answering the same stored
/// response (the same bytes on the wire, no work), so server − bare is TradeGrid's own time. The Box 2 pipeline on the
/// default dataset (EstimateWorld) is timed too.
/// </summary>
internal sealed class ExtrapolationBenchmark(Servers servers, RepositoryLayout layout)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        (ServerProcess process, int port) = servers.StartTradeGrid();
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            await Servers.WaitServingAsync(process, channel, StartTimeout);
            await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, StartTimeout);
            var estimates = new EstimateService.EstimateServiceClient(channel);
            var extrapolation = new ExtrapolationService.ExtrapolationServiceClient(channel);
            FitResponse fit = await estimates.FitAsync(new FitRequest { Spec = Spec() });
            var predict = new PredictRequest { FitId = fit.Fit.FitId, From = 2008, To = 2017, IncludeObserved = true };

            var predictMs = new List<double>();
            var bareMs = new List<double>();
            var worldMs = new List<double>();
            long first = Stopwatch.GetTimestamp();
            PredictResponse answer = await extrapolation.PredictAsync(predict);
            double firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
            string payload = Path.Combine(Path.GetTempPath(), $"tradegrid-predict-{Environment.ProcessId}.bin");
            await File.WriteAllBytesAsync(payload, answer.ToByteArray());
            (ServerProcess bareProcess, int barePort) = servers.StartBare([], payload);
            await using ServerProcess bare = bareProcess;
            using GrpcChannel bareChannel = Channels.Create(barePort);
            var bareClient = new ExtrapolationService.ExtrapolationServiceClient(bareChannel);
            await Servers.WaitPredictAsync(bare, bareClient, predict, StartTimeout);

            // A baseline build (--baseline-silo, e.g. an earlier commit's), when given: the same fit, its Predict paired in the same loop.
            ServerProcess? baseline = null;
            GrpcChannel? baselineChannel = null;
            ExtrapolationService.ExtrapolationServiceClient? baselineClient = null;
            PredictRequest? baselinePredict = null;
            var baselineMs = new List<double>();
            double baselineFirstMs = double.NaN;
            if (options.BaselineSilo is { } dll)
            {
                (baseline, int baselinePort) = servers.StartTradeGrid(dll);
                baselineChannel = Channels.Create(baselinePort);
                await Servers.WaitServingAsync(baseline, baselineChannel, StartTimeout);
                await Servers.WaitFirstSeriesAsync(baseline, new DataService.DataServiceClient(baselineChannel), SeriesPayload.Request, StartTimeout);
                FitResponse baselineFit = await new EstimateService.EstimateServiceClient(baselineChannel).FitAsync(new FitRequest { Spec = Spec() });
                baselineClient = new ExtrapolationService.ExtrapolationServiceClient(baselineChannel);
                baselinePredict = predict.Clone();
                baselinePredict.FitId = baselineFit.Fit.FitId;
                long baselineFirst = Stopwatch.GetTimestamp();
                await baselineClient.PredictAsync(baselinePredict);
                baselineFirstMs = Stopwatch.GetElapsedTime(baselineFirst).TotalMilliseconds;
            }

            for (int i = 0; i < options.WarmUp; i++)
            {
                await extrapolation.PredictAsync(predict);
                await bareClient.PredictAsync(predict);
                if (baselineClient is not null)
                {
                    await baselineClient.PredictAsync(baselinePredict);
                }
            }

            TimeSpan cpu = process.CpuTime();
            TimeSpan baselineCpu = baseline?.CpuTime() ?? TimeSpan.Zero;
            for (int i = 0; i < options.Requests; i++)
            {
                long start = Stopwatch.GetTimestamp();
                answer = await extrapolation.PredictAsync(predict);
                predictMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (baselineClient is not null)
                {
                    start = Stopwatch.GetTimestamp();
                    PredictResponse old = await baselineClient.PredictAsync(baselinePredict);
                    baselineMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (old.Predictions.Count != answer.Predictions.Count)
                    {
                        throw new InvalidOperationException($"The baseline build answered {old.Predictions.Count} predictions for {answer.Predictions.Count}.");
                    }
                }

                start = Stopwatch.GetTimestamp();
                PredictResponse same = await bareClient.PredictAsync(predict);
                bareMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (same.Predictions.Count != answer.Predictions.Count)
                {
                    throw new InvalidOperationException($"The bare server answered {same.Predictions.Count} predictions for {answer.Predictions.Count}.");
                }
            }

            double cpuMs = (process.CpuTime() - cpu).TotalMilliseconds / options.Requests;
            double baselineCpuMs = baseline is null ? double.NaN : (baseline.CpuTime() - baselineCpu).TotalMilliseconds / options.Requests;
            if (baseline is not null)
            {
                baselineChannel?.Dispose();
                await baseline.DisposeAsync();
            }

            EstimateWorldResponse world = await extrapolation.EstimateWorldAsync(new EstimateWorldRequest());
            for (int i = 0; i < options.WarmUp; i++)
            {
                await extrapolation.EstimateWorldAsync(new EstimateWorldRequest());
            }

            for (int i = 0; i < options.Requests; i++)
            {
                long start = Stopwatch.GetTimestamp();
                world = await extrapolation.EstimateWorldAsync(new EstimateWorldRequest());
                worldMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            string json = Path.Combine(Path.GetTempPath(), $"tradegrid-rpredict-{Environment.ProcessId}.json");
            await RunR(json, options.Requests);
            using JsonDocument r = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            double[] rPredict = r.RootElement.GetProperty("predict_ms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] rFit = r.RootElement.GetProperty("fit_ms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double agreement = Agreement(r.RootElement, answer);

            double server = Statistics.Median(predictMs), rMedian = Statistics.Median(rPredict);
            log.Line($"#### extrapolate, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            log.Line();
            log.Line($"`dotnet run -c Release --project bench/TradeGrid.Bench -- extrapolate --requests {options.Requests}`; load average at the start {ResultLog.LoadAverage()}; {r.RootElement.GetProperty("r").GetString()}.");
            log.Line();
            log.Line($"Fit: ln rgdpna ~ ln pop + hc + openness, every economy 1990–2007, N = {fit.Fit.Observations} (R: {r.RootElement.GetProperty("n").GetInt32()}). "
                + $"Predictions: every economy × 2008–2017 with all regressors, {answer.Predictions.Count} (R: {r.RootElement.GetProperty("predictions").GetInt32()}); "
                + $"{answer.NotPredictable.Count} economy-years reported not predictable. Largest relative difference server vs R (point, 95% bounds): {agreement:E1}.");
            log.Line();
            log.Line("| measure | server median / p90 ms | R median / p90 ms | server / R |");
            log.Line("|---|---:|---:|---:|");
            log.Line($"| predict every economy × 10 years (SEs, 95% PI, smearing), warm | {ResultLog.F(server, 1)} / {ResultLog.F(P90(predictMs), 1)} | {ResultLog.F(rMedian, 1)} / {ResultLog.F(P90(rPredict), 1)} | {ResultLog.F(server / rMedian, 1)} |");
            log.Line($"| the same: the silo's CPU time per request (both cores) | {ResultLog.F(cpuMs, 1)} | – | – |");
            log.Line($"| the same, first call after the fit (activations, smearing round) | {ResultLog.F(firstMs, 1)} | – | – |");
            if (baseline is not null)
            {
                log.Line($"| baseline build ({options.BaselineSilo}), paired with each warm call: wall; CPU per request; first call | {ResultLog.F(Statistics.Median(baselineMs), 1)} / {ResultLog.F(P90(baselineMs), 1)}; {ResultLog.F(baselineCpuMs, 1)}; {ResultLog.F(baselineFirstMs, 1)} | – | – |");
            }

            log.Line($"| bare grpc-dotnet server sending the same {answer.CalculateSize():N0}-byte answer (no work), paired with each warm call | {ResultLog.F(Statistics.Median(bareMs), 1)} / {ResultLog.F(P90(bareMs), 1)} | – | – |");
            log.Line($"| world pipeline, default dataset (fill, fit, {world.Years.Sum(y => y.Estimated)} predictions, scaling) | {ResultLog.F(Statistics.Median(worldMs), 1)} / {ResultLog.F(P90(worldMs), 1)} | – | – |");
            log.Line($"| R lm fit of the same model (for scale) | – | {ResultLog.F(Statistics.Median(rFit), 1)} / {ResultLog.F(P90(rFit), 1)} | – |");
            log.Line();
            log.Line($"{options.Requests} timed requests each after {options.WarmUp} warm-up rounds, one at a time on one channel; R times predict() alone with the data and the fit in memory (proc.time, 1 ms resolution), {options.Requests} repetitions.");
        }
    }

    private static ModelSpec Spec()
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
            Sample = new ModelSample { From = 1990, To = 2007 },
            Covariance = CovarianceType.Classical,
        };
        spec.Sample.Groups.Add("WLD");
        spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log });
        spec.Regressors.Add(new ModelVariable { Indicator = "hc" });
        spec.Regressors.Add(new ModelVariable { Indicator = "openness" });
        return spec;
    }

    private async Task RunR(string json, int reps)
    {
        var start = new ProcessStartInfo("Rscript")
        {
            ArgumentList = { Path.Combine(layout.Root, "bench", "extrapolation", "predict.R"), layout.Root, reps.ToString(System.Globalization.CultureInfo.InvariantCulture), json },
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Rscript could not be started");
        ChildProcesses.Add(process);
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench/extrapolation/predict.R failed ({process.ExitCode}); it needs r-base-core and r-cran-jsonlite:\n{errors}");
        }
    }

    /// <summary>The largest relative difference between the server's and R's point and bounds, matched by economy and year.</summary>
    private static double Agreement(JsonElement r, PredictResponse server)
    {
        var byKey = server.Predictions.ToDictionary(p => (p.Economy, p.Year));
        string[] economies = r.GetProperty("economy").EnumerateArray().Select(e => e.GetString()!).ToArray();
        int[] years = r.GetProperty("year").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double worst = 0.0;
        foreach (string field in new[] { "point", "lower", "upper" })
        {
            double[] values = r.GetProperty(field).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int i = 0; i < values.Length; i++)
            {
                if (!byKey.TryGetValue((economies[i], years[i]), out PredictedValue? p))
                {
                    return double.PositiveInfinity;
                }

                double mine = field switch { "point" => p.Point, "lower" => p.Lower, _ => p.Upper };
                worst = Math.Max(worst, Math.Abs(mine / values[i] - 1.0));
            }
        }

        return worst;
    }

    private static double P90(IReadOnlyList<double> values) => Statistics.Percentile(values.Order().ToArray(), 90);
}
