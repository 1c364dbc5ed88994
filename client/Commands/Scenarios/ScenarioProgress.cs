using Spectre.Console;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// Shows a job's progress on stderr (stdout keeps the table, CSV or JSON): a live Spectre.Console bar when stderr is
/// a terminal, otherwise one plain line per tenth of the work, so a log or a pipe gets a few readable lines.
/// </summary>
internal sealed class ScenarioProgress
{
    private readonly string _label;
    private int _lastTenth = -1;

    private ScenarioProgress(string label)
    {
        _label = label;
    }

    public static bool Live => !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, handing it the callback each progress event goes to.</summary>
    public static async Task<T> TrackAsync<T>(string label, Func<Action<JobProgress>, Task<T>> work)
    {
        if (!Live)
        {
            var plain = new ScenarioProgress(label);
            return await work(plain.Line);
        }

        IAnsiConsole stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!; // assigned inside StartAsync, which runs the delegate to completion or throws
        await stderr.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                ProgressTask bar = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = await work(p =>
                {
                    bar.Value = p.Fraction;
                    bar.Description = Markup.Escape($"{label} {p.Done}/{p.Total}");
                });
                bar.Value = 1.0;
            });
        return result;
    }

    private void Line(JobProgress p)
    {
        int tenth = (int)Math.Floor(Math.Clamp(p.Fraction, 0, 1) * 10);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            Console.Error.WriteLine($"{_label}: {p.Done}/{p.Total} ({tenth * 10}%)" + (p.Skipped > 0 ? $", {p.Skipped} skipped" : string.Empty));
        }
    }
}
