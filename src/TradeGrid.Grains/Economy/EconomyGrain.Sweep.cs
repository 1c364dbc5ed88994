using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Estimation absorbed in the grains: the economy holds its block of the fit (built from the same cached rows as the
/// other fits) under the fit's session and answers its commands; the algorithm is the coordinator's
/// (<see cref="SweepFit"/>). A block lives until the coordinator releases it, the activation ends, or it goes unused
/// for <see cref="SweepSessions.IdleLimit"/> (a coordinator lost mid-fit): a timer looks every minute while blocks are held.
/// </summary>
public sealed partial class EconomyGrain
{
    private static readonly TimeSpan SweepCheckPeriod = TimeSpan.FromMinutes(1);

    private SweepSessions? _sweepSessions;
    private IGrainTimer? _sweepTimer;

    private SweepSessions Sweeps =>
        _sweepSessions ??= new SweepSessions(ServiceProvider.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System);

    public ValueTask<bool> SweepPrepare(BlockRequest request, SweepSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(setup);
        DesignBlock block = Design(request);
        if (block.Rows == 0)
        {
            return ValueTask.FromResult(false);
        }

        Sweeps.Add(setup.Session, SweepRows.Build(Code, block, request.Spec, setup));
        _sweepTimer ??= this.RegisterGrainTimer(DropIdleSweeps, new GrainTimerCreationOptions(SweepCheckPeriod, SweepCheckPeriod) { Interleave = false, KeepAlive = false });
        return ValueTask.FromResult(true);
    }

    public ValueTask<SweepReply> Sweep(string session, SweepCommand command, CancellationToken cancellationToken)
    {
        if (!Sweeps.TryGet(session, out SweepBlock? block))
        {
            throw new SweepSessionLostException($"{Code} holds no block of fit session {session}: the economy restarted during the fit or dropped the block as idle; fit again.");
        }

        return ValueTask.FromResult(block.Execute(command));
    }

    public ValueTask SweepRelease(string session)
    {
        Sweeps.Remove(session);
        StopSweepTimerWhenEmpty();
        return ValueTask.CompletedTask;
    }

    private Task DropIdleSweeps(CancellationToken cancellationToken)
    {
        Sweeps.DropIdle();
        StopSweepTimerWhenEmpty();
        return Task.CompletedTask;
    }

    private void StopSweepTimerWhenEmpty()
    {
        if (Sweeps.Count == 0 && _sweepTimer is not null)
        {
            _sweepTimer.Dispose();
            _sweepTimer = null;
        }
    }
}
