using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary><c>limits list|set|remove</c>: per-caller rate limits kept by the server (the admin role).</summary>
internal static class LimitsCommand
{
    // Six short columns, so the table fits 80 columns without wrapping a cell; when a limit was set is in --output json.
    private static readonly string[] _headers = ["caller", "origin", "burst", "refill", "jobs", "set by"];

    public static Command Create() =>
        new("limits", "List, set and remove per-caller rate limits (admin)") { ListLimits(), SetLimit(), RemoveLimit() };

    private static Command ListLimits()
    {
        Command command = new("list", "The default limits and every caller's own, from configuration or set by an admin");
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            ListLimitsResponse response = await client.ListLimitsAsync(new ListLimitsRequest(), cancellationToken: ct);
            string title = response.Enabled
                ? $"rate limits (admin changes reach other silos within {Number(response.RefreshSeconds)} s)"
                : "rate limits are OFF (TradeGrid:RateLimits:Enabled): nothing is limited";
            CallerLimit defaults = response.DefaultLimit.Clone();
            defaults.Caller = "(default)";
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, _headers,
                new[] { Row(defaults) }.Concat(response.Callers.Select(Row)), title);
            return 0;
        });
        return command;
    }

    private static Command SetLimit()
    {
        Argument<string> caller = new("caller") { Description = "key:ID or jwt:SUBJECT" };
        Option<int> burst = new("--burst") { Description = "Requests the caller may make at once (the bucket's size)" };
        Option<int> refill = new("--refill") { Description = "Requests added back every period" };
        Option<double> period = new("--period") { Description = "The refill period in seconds" };
        Option<int> jobs = new("--jobs") { Description = "Long jobs (Import, ForecastAll, EstimateWorld, RunScenario) at once" };
        Command command = new("set", "Give a caller its own limits (options left out keep configuration's values)") { caller, burst, refill, period, jobs };
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            SetCallerLimitResponse response = await client.SetCallerLimitAsync(new SetCallerLimitRequest
            {
                Caller = parse.GetRequiredValue(caller),
                TokenLimit = parse.GetValue(burst),
                TokensPerPeriod = parse.GetValue(refill),
                ReplenishmentPeriodSeconds = parse.GetValue(period),
                Jobs = parse.GetValue(jobs),
            }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, _headers, [Row(response.Limit)], "limit set");
            return 0;
        });
        return command;
    }

    private static Command RemoveLimit()
    {
        Argument<string> caller = new("caller") { Description = "key:ID or jwt:SUBJECT" };
        Command command = new("remove", "Remove a caller's admin limit: configuration's apply again") { caller };
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            RemoveCallerLimitResponse response = await client.RemoveCallerLimitAsync(
                new RemoveCallerLimitRequest { Caller = parse.GetRequiredValue(caller) }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, _headers, [Row(response.Limit)], "limit removed");
            return 0;
        });
        return command;
    }

    private static string[] Row(CallerLimit l) =>
    [
        l.Caller, l.Origin == "configuration" ? "config" : l.Origin, l.TokenLimit.ToString(CultureInfo.InvariantCulture),
        $"{l.TokensPerPeriod.ToString(CultureInfo.InvariantCulture)}/{Number(l.ReplenishmentPeriodSeconds)}s", l.Jobs.ToString(CultureInfo.InvariantCulture), l.SetBy,
    ];

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
