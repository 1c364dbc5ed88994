using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TradeGrid.Domain;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Bounds the long jobs (ForecastAll, EstimateWorld) running at once (TradeGrid:Limits:MaxConcurrentJobs). One
/// more is refused at once with ResourceExhausted (HTTP 429) rather than queued: a queued job holds its caller's
/// connection and memory, and the caller can retry with the deadline it chooses.
/// </summary>
public sealed class JobSlots(IOptions<RequestLimits> limits)
{
    private readonly Lock _lock = new();
    private int _running;

    public int Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>A slot for one job, released when disposed; refused when every slot is taken.</summary>
    public IDisposable Acquire(string job, ServerCallContext? context = null)
    {
        int max = limits.Value.MaxConcurrentJobs;
        lock (_lock)
        {
            if (_running < max)
            {
                _running++;
                return new Slot(this);
            }
        }
        if (context is not null && TryHttp(context) is { } http)
        {
            http.Items[JsonRequestGate.BusyItem] = true;
        }
        throw new ResourceLimitException($"{job}: the server is already running {max} long jobs, its limit (TradeGrid:Limits:MaxConcurrentJobs); retry when one finishes, or raise the limit");
    }

    private static HttpContext? TryHttp(ServerCallContext context)
    {
        try
        {
            return context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            return null; // a test's hand-made context has no HTTP request behind it
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _running--;
        }
    }

    private sealed class Slot(JobSlots owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
