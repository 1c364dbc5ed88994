namespace TradeGrid.Grains.Cluster;

/// <summary>Whether a failed grain call failed because a silo went away, so that the same call, sent again once the cluster has moved the grain, can succeed.</summary>
public static class SiloLoss
{
    /// <summary>Pause between sends of a call lost with its silo; with <see cref="Attempts"/>, longer than failure detection takes (docs/cluster.md).</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);

    public const int Attempts = 10;

    /// <summary>
    /// What Orleans raises for a call whose silo went away: the silo declared dead (SiloUnavailableException), the
    /// message refused by a stopping silo (OrleansMessageRejectionException), or no answer in time (TimeoutException).
    /// </summary>
    public static bool Is(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;

    /// <summary>
    /// Sends an idempotent call, and sends it again after <see cref="Pause"/> while it fails because its grain's silo
    /// went away (at most <see cref="Attempts"/> sends): the next send activates the grain on a live silo.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (Is(ex) && attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Pause, cancellationToken);
            }
        }
    }
}
