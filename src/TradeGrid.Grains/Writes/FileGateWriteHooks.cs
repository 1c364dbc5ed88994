namespace TradeGrid.Grains.Writes;

/// <summary>
/// Hooks for tests that run the server as a separate process (<c>TradeGrid:Testing:WriteGate=DIR</c>; never set in
/// production). While the file <c>DIR/hold-before-commit</c> (or <c>hold-after-commit</c>) exists, a write reaching that
/// point writes <c>DIR/reached-before-commit</c> (or <c>reached-after-commit</c>) with its id and waits until the hold
/// file is removed. A test holds a write there and kills the process: what survives does not depend on timing.
/// </summary>
public sealed class FileGateWriteHooks(string directory) : IWriteHooks
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken) => Gate("before-commit", writeId, cancellationToken);

    public ValueTask AfterCommitAsync(Guid writeId) => Gate("after-commit", writeId, CancellationToken.None);

    private async ValueTask Gate(string point, Guid writeId, CancellationToken cancellationToken)
    {
        string hold = Path.Combine(directory, "hold-" + point);
        if (!File.Exists(hold))
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "reached-" + point), writeId.ToString(), CancellationToken.None);
        while (File.Exists(hold))
        {
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
