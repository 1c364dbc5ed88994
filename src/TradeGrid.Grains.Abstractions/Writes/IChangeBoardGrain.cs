using Orleans.Concurrency;

namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>
/// Which economies' data may have changed since a moment: one grain (key <see cref="DefaultKey"/>), in memory only.
/// Every change of an economy's data is noted here before it can be seen (a direct write before it is stored, a
/// multi-economy write before its commit point), so a reader that checked the economies' versions after taking a
/// token knows, while the board says "unchanged since that token", that the versions it read still hold. A board
/// activated anew (idle, or its silo lost) knows nothing older than itself: every earlier token reads as changed.
/// The board calls no other grain, so an economy may call it while serving a call.
/// </summary>
[Alias("TradeGrid.IChangeBoardGrain")]
public interface IChangeBoardGrain : IGrainWithStringKey
{
    const string DefaultKey = "changes";

    /// <summary>Notes that the data of <paramref name="economies"/> is about to change.</summary>
    [Alias("Note")]
    ValueTask Note(string[] economies, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether any of <paramref name="economies"/> was noted after <paramref name="since"/> (always true for no token
    /// or one of an earlier activation), and the token of now.
    /// </summary>
    [Alias("ChangedSince"), ReadOnly]
    ValueTask<ChangeCheck> ChangedSince(ChangeToken? since, string[] economies, CancellationToken cancellationToken = default);
}
