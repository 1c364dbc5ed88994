using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>
/// Counts the server's requests in flight, from the first middleware to the end of the handler. A caller's deadline
/// ends the call at the caller before the server notices (the server's own timer, or the stream reset, arrives a little
/// later): a test that changes the server's behaviour after a cut call waits here until the server's handler has ended.
/// </summary>
public sealed class CallTracker : IStartupFilter
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>Completes when no request is in flight (at once if none is).</summary>
    public Task WhenIdle()
    {
        lock (_lock)
        {
            return _idle.Task;
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            Enter();
            try
            {
                await following(context);
            }
            finally
            {
                Leave();
            }
        });
        next(app);
    };

    private void Enter()
    {
        lock (_lock)
        {
            if (_inFlight++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }
        return idle;
    }
}
