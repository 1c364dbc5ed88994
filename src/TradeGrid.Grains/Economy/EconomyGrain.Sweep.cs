using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Estimation absorbed in the grains: the economy holds its block of the fit (built from the same cached rows as the
/// other fits) under the fit's session and answers its commands; the algorithm is the coordinator's
/// (<see cref="SweepFit"/>). A block lives until the coordinator releases it, or the activation ends.
/// </summary>
public sealed partial class EconomyGrain
{
    private readonly Dictionary<string, SweepBlock> _sweeps = new(StringComparer.Ordinal);

    public ValueTask<bool> SweepPrepare(BlockRequest request, SweepSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(setup);
        DesignBlock block = Design(request);
        if (block.Rows == 0)
        {
            return ValueTask.FromResult(false);
        }

        _sweeps[setup.Session] = SweepRows.Build(Code, block, request.Spec, setup);
        return ValueTask.FromResult(true);
    }

    public ValueTask<SweepReply> Sweep(string session, SweepCommand command, CancellationToken cancellationToken)
    {
        if (!_sweeps.TryGetValue(session, out SweepBlock? block))
        {
            throw new SweepSessionLostException($"{Code} holds no block of fit session {session}: the economy restarted during the fit; fit again.");
        }

        return ValueTask.FromResult(block.Execute(command));
    }

    public ValueTask SweepRelease(string session)
    {
        _sweeps.Remove(session);
        return ValueTask.CompletedTask;
    }
}
