using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// The change board (see <see cref="IChangeBoardGrain"/>): a count of notes and, per economy, the count at its last
/// note, under an id drawn at activation so that no token of an earlier activation is ever taken for one of this.
/// </summary>
public sealed class ChangeBoardGrain : Grain, IChangeBoardGrain
{
    private readonly Guid _board = Guid.NewGuid();
    private readonly Dictionary<string, long> _lastNoted = new(StringComparer.Ordinal);
    private long _notes;

    public ValueTask Note(string[] economies, CancellationToken cancellationToken)
    {
        _notes++;
        foreach (string economy in economies)
        {
            _lastNoted[economy] = _notes;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<ChangeCheck> ChangedSince(ChangeToken? since, string[] economies, CancellationToken cancellationToken)
    {
        bool changed = since is null || since.Board != _board
            || economies.Any(e => _lastNoted.TryGetValue(e, out long noted) && noted > since.Notes);
        return ValueTask.FromResult(new ChangeCheck(changed, new ChangeToken(_board, _notes)));
    }
}
