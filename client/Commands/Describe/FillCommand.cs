using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class FillCommand
{
    public static Command Create()
    {
        Argument<string> indicator = new("indicator") { Description = "The series to fill, e.g. ecom_exports" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<string> method = new("--method")
        {
            Description = "proxy-chain, proxy-spread, linear or log-linear",
            DefaultValueFactory = _ => "proxy-chain",
        };
        method.AcceptOnlyFromAmong("proxy-chain", "proxy-spread", "linear", "log-linear");
        Option<string> proxy = new("--proxy") { Description = "Proxy series of the same economy, e.g. exports" };
        Option<string> ends = new("--ends") { Description = "Interpolations beyond the known years: none, proxy or last-cagr", DefaultValueFactory = _ => "none" };
        ends.AcceptOnlyFromAmong("none", "proxy", "last-cagr");
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Option<bool> dryRun = new("--dry-run") { Description = "Preview the filled values; store nothing" };
        Command command = new("fill", "Fill a series' missing years by a proxy's growth or by interpolation; preview or store, flagged")
        {
            indicator, economies, group, method, proxy, ends, from, to, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new FillRequest
            {
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                Method = parse.GetValue(method) switch
                {
                    "proxy-spread" => FillMethod.ProxySpread,
                    "linear" => FillMethod.Linear,
                    "log-linear" => FillMethod.LogLinear,
                    _ => FillMethod.ProxyChain,
                },
                Proxy = parse.GetValue(proxy) ?? string.Empty,
                Ends = parse.GetValue(ends) switch
                {
                    "proxy" => EndFill.Proxy,
                    "last-cagr" => EndFill.LastCagr,
                    _ => EndFill.Unspecified,
                },
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                DryRun = parse.GetValue(dryRun),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            FillResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).FillAsync(request, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["economy", "year", "value", "flag", "filled_by"],
                response.Economies.SelectMany(e => e.Points.Select(p => new[]
                {
                    e.Economy, NumberText.Year(p.Year), n.Of(p.HasValue, p.Value), p.Flag, FilledByText(p.FilledBy),
                })),
                $"{response.Indicator}: {response.FilledCount} value(s) filled{(response.DryRun ? " (dry run: nothing stored)" : ", stored")}");
            return 0;
        });
        return command;
    }

    private static string FilledByText(FilledBy by) => by switch
    {
        FilledBy.Observed => "observed",
        FilledBy.NotFilled => "not filled",
        FilledBy.ProxyChain => "proxy chain",
        FilledBy.ProxySpread => "proxy spread",
        FilledBy.ProxyExtrapolation => "proxy extrapolation",
        FilledBy.Linear => "linear",
        FilledBy.LogLinear => "log-linear",
        FilledBy.CagrExtrapolation => "CAGR extrapolation",
        _ => "",
    };
}
