using System.Globalization;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Hooks for tests that run the server as separate processes (<c>TradeGrid:Testing:JobGate=DIR</c>; never set in
/// production). While <c>DIR/hold-checkpoint</c> exists (and, when it holds a number, at that checkpoint only), a job that has just stored a checkpoint writes
/// <c>DIR/reached-checkpoint</c> (this process's id, then the job id and the chunks done, one a line) and waits until
/// the hold file is removed. The test then kills the process named in it.
/// </summary>
public sealed class FileGateJobHooks(string directory) : IJobHooks
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async ValueTask CheckpointedAsync(string jobId, int chunks)
    {
        string hold = Path.Combine(directory, "hold-checkpoint");
        if (!File.Exists(hold) || (await ReadAsync(hold)).Trim() is { Length: > 0 } only && only != chunks.ToString(CultureInfo.InvariantCulture))
        {
            return;
        }

        string reached = string.Join('\n', Environment.ProcessId.ToString(CultureInfo.InvariantCulture), jobId, chunks.ToString(CultureInfo.InvariantCulture));
        await File.WriteAllTextAsync(Path.Combine(directory, "reached-checkpoint"), reached);
        while (File.Exists(hold))
        {
            await Task.Delay(Poll);
        }
    }

    private static async Task<string> ReadAsync(string path)
    {
        try
        {
            return await File.ReadAllTextAsync(path);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }
}
