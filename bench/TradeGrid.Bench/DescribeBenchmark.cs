using System.Diagnostics;
using Google.Protobuf;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Share, Aggregate and Contributions of rgdpna over WLD (every non-aggregate economy) × all years, timed per
/// request through TradeGrid (gRPC, warm, one request at a time), side by side with the same computations in pandas
/// on the same rows (bench/describe/pandas_describe.py, loaded once). Rounds alternate server-first and pandas-first
/// so that the machine's drift falls on both; the answers are checked to agree before any figure is reported.
/// </summary>
internal sealed class DescribeBenchmark(Servers servers, RepositoryLayout layout)
{
    private const string Indicator = "rgdpna";
    private const string Weight = "pop";
    private const string Group = "WLD";
    private const int ContributionsFrom = 1990;
    private const int ContributionsTo = 2017;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Measures = ["share", "aggregate", "contributions"];

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        (ServerProcess process, int port) = servers.StartTradeGrid();
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            await Servers.WaitServingAsync(process, channel, StartTimeout);
            await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, StartTimeout);
            var data = new DataService.DataServiceClient(channel);
            var describe = new DescribeService.DescribeServiceClient(channel);

            ListEconomiesResponse countries = await data.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });
            var share = new ShareRequest { Indicator = Indicator, Group = Group };
            share.Economies.AddRange(countries.Economies.Select(e => e.Code));
            var aggregate = new AggregateRequest { Indicator = Indicator, Group = Group, WeightIndicator = Weight };
            var contributions = new ContributionsRequest { Indicator = Indicator, Group = Group, From = ContributionsFrom, To = ContributionsTo };
            var calls = new Dictionary<string, Func<Task<IMessage>>>
            {
                ["share"] = async () => await describe.ShareAsync(share, deadline: Deadline()),
                ["aggregate"] = async () => await describe.AggregateAsync(aggregate, deadline: Deadline()),
                ["contributions"] = async () => await describe.ContributionsAsync(contributions, deadline: Deadline()),
            };

            Console.Error.WriteLine($"describe: {countries.Economies.Count} economies in {Group}; warm-up...");
            var answers = new Dictionary<string, IMessage>();
            // Round-robin until every request ran --warmup times and at least WarmUpSeconds passed: with 30 requests alone the
            // first timed round was still 2-4x slower than the next ones (the JIT's tier-1 code arrives late on a busy machine).
            long warmStart = Stopwatch.GetTimestamp();
            for (int i = 0; i < options.WarmUp || Stopwatch.GetElapsedTime(warmStart) < WarmUpTime; i++)
            {
                foreach ((string name, Func<Task<IMessage>> call) in calls)
                {
                    answers[name] = await call();
                }
            }
            TimeSpan warmElapsed = Stopwatch.GetElapsedTime(warmStart);

            int requests = options.Requests;
            var serverMs = Measures.ToDictionary(m => m, _ => new List<double>());
            var pandasMs = Measures.ToDictionary(m => m, _ => new List<double>());
            var loadMs = new List<double>();
            string versions = string.Empty;
            int pandasRows = 0;
            var agreements = new Dictionary<string, DescribeAgreement>();
            for (int round = 0; round < options.Rounds; round++)
            {
                Dictionary<string, int> roundStart = Measures.ToDictionary(m => m, m => serverMs[m].Count);
                Dictionary<string, int> pandasStart = Measures.ToDictionary(m => m, m => pandasMs[m].Count);
                bool serverFirst = round % 2 == 0;
                for (int half = 0; half < 2; half++)
                {
                    if ((half == 0) == serverFirst)
                    {
                        foreach (string measure in Measures)
                        {
                            for (int i = 0; i < requests; i++)
                            {
                                long t0 = Stopwatch.GetTimestamp();
                                answers[measure] = await calls[measure]();
                                serverMs[measure].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                            }
                        }
                    }
                    else
                    {
                        using PandasDescribe pandas = await PandasDescribe.RunAsync(
                            options.Python, layout, requests, options.WarmUp, ContributionsFrom, ContributionsTo, Indicator, Weight);
                        loadMs.Add(pandas.LoadMs);
                        versions = pandas.Versions;
                        pandasRows = pandas.Root.GetProperty("rows").GetInt32();
                        foreach (string measure in Measures)
                        {
                            pandasMs[measure].AddRange(pandas.TimingsMs(measure));
                        }
                        if (agreements.Count == 0)
                        {
                            agreements["share"] = DescribeAgreement.Share((ShareResponse)answers["share"], pandas.Root.GetProperty("share"));
                            agreements["aggregate"] = DescribeAgreement.Aggregate((AggregateResponse)answers["aggregate"], pandas.Root.GetProperty("aggregate"));
                            agreements["contributions"] = DescribeAgreement.Contributions(
                                (ContributionsResponse)answers["contributions"], pandas.Root.GetProperty("contributions"));
                            foreach ((string measure, DescribeAgreement agreement) in agreements)
                            {
                                agreement.ThrowIfDifferent(measure);
                            }
                        }
                    }
                }
                Console.Error.WriteLine($"  round {round + 1}/{options.Rounds}: "
                    + string.Join(", ", Measures.Select(m => $"{m} server {ResultLog.F(Statistics.Median(serverMs[m][roundStart[m]..]), 1)} ms, "
                        + $"pandas {ResultLog.F(Statistics.Median(pandasMs[m][pandasStart[m]..]), 1)} ms")) + " (medians of this round)");
            }

            var shareAnswer = (ShareResponse)answers["share"];
            var aggregateAnswer = (AggregateResponse)answers["aggregate"];
            var contributionsAnswer = (ContributionsResponse)answers["contributions"];
            log.Line($"`rgdpna` (PWT 9.1, default dataset) over {Group} = {countries.Economies.Count} non-aggregate economies "
                + $"({aggregateAnswer.Years.Max(y => y.Present)} with data), {aggregateAnswer.Years.Count} years "
                + $"({aggregateAnswer.Years.Min(y => y.Year)}–{aggregateAnswer.Years.Max(y => y.Year)}). Server: one gRPC request at a time "
                + $"on one channel, warm-up of the three requests in turn, at least {options.WarmUp} each and {WarmUpTime.TotalSeconds:0} s (took {warmElapsed.TotalSeconds:0} s), then {requests} timed per measure per round; pandas "
                + $"({versions}, `{options.Python}`): the same rows loaded once per round from `data/default/series/pwt91.csv.gz` "
                + $"(load {ResultLog.F(Statistics.Median(loadMs), 0)} ms median, not in the per-request times), {options.WarmUp} warm-up "
                + $"and {requests} timed computations per measure, each starting from the tidy frame of all {pandasRows} rows (every indicator). "
                + $"{options.Rounds} rounds, alternating server-first and pandas-first. Median per round, server / pandas ms: "
                + string.Join("; ", Measures.Select(m => $"{m} " + string.Join(", ", Enumerable.Range(0, options.Rounds).Select(r =>
                    $"{ResultLog.F(Statistics.Median(serverMs[m].GetRange(r * requests, requests)), 1)}/{ResultLog.F(Statistics.Median(pandasMs[m].GetRange(r * requests, requests)), 1)}")))) + ".");
            log.Line();
            log.Line("| measure | answer | server median / p90 ms | pandas median / p90 ms | pandas / server (medians) | per round: median (min–max) | agreement |");
            log.Line("|---|---|---:|---:|---:|---:|---|");
            string[] answersText =
            [
                $"share of each economy per year + years' totals; {shareAnswer.CalculateSize()} bytes",
                $"sum, mean, median, weighted mean (pop), present, GDP coverage (cgdpo) per year; {aggregateAnswer.CalculateSize()} bytes",
                $"{ContributionsFrom}→{ContributionsTo}: Δx, % of Δtotal, pp per economy; {contributionsAnswer.CalculateSize()} bytes",
            ];
            for (int m = 0; m < Measures.Length; m++)
            {
                string measure = Measures[m];
                double[] s = [.. serverMs[measure].Order()];
                double[] p = [.. pandasMs[measure].Order()];
                DescribeAgreement agreement = agreements[measure];
                double[] perRound = [.. Enumerable.Range(0, options.Rounds).Select(r =>
                    Statistics.Median(pandasMs[measure].GetRange(r * requests, requests)) / Statistics.Median(serverMs[measure].GetRange(r * requests, requests)))];
                log.Line($"| {measure} | {answersText[m]} "
                    + $"| {ResultLog.F(Statistics.Median(s), 1)} / {ResultLog.F(Statistics.Percentile(s, 90), 1)} "
                    + $"| {ResultLog.F(Statistics.Median(p), 1)} / {ResultLog.F(Statistics.Percentile(p, 90), 1)} "
                    + $"| {ResultLog.F(Statistics.Median(p) / Statistics.Median(s), 2)} "
                    + $"| {ResultLog.F(Statistics.Median(perRound), 2)} ({ResultLog.F(perRound.Min(), 2)}–{ResultLog.F(perRound.Max(), 2)}) "
                    + $"| {agreement.Compared} values, max relative difference {agreement.MaxRelative:0.0E+0} |");
            }
            log.Line();
            log.Line($"A ratio above 1 means the server answers faster than pandas computes in process. Server times include gRPC, "
                + $"protobuf and the client's parsing on the same 2 cores; pandas times include no transport. Agreement tolerance: "
                + $"relative {DescribeAgreement.Tolerance:0E+0} on every value compared.");
            log.Line();
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(60);
}
