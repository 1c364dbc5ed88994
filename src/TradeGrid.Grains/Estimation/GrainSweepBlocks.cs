using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// <see cref="ISweepBlocks"/> over economy grains: each gather sends every economy its command at once and waits for
/// all of them; the answers come back in the economies' order, so the sums over them do not depend on which silo
/// holds which economy.
/// </summary>
internal sealed class GrainSweepBlocks(IEconomyEstimateGrain[] grains, string session) : ISweepBlocks
{
    /// <summary>Gathers so far (one per pass over the rows).</summary>
    public int Gathers { get; private set; }

    public async Task<SweepReply?[]> SendAsync(Func<int, SweepCommand?> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Gathers++;
        var calls = new Task<SweepReply>?[grains.Length];
        for (int b = 0; b < grains.Length; b++)
        {
            calls[b] = command(b) is { } c ? grains[b].Sweep(session, c, cancellationToken).AsTask() : null;
        }

        await Task.WhenAll(calls.OfType<Task<SweepReply>>());
        return calls.Select(c => c?.Result).ToArray();
    }
}
