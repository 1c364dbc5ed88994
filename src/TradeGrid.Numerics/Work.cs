namespace TradeGrid.Numerics;

/// <summary>
/// Loops over independent pieces (chunks of rows, columns) that run in parallel only when the work is large. A fit in
/// one process spreads a million rows over the cores; an economy grain's block of a few thousand rows runs on the
/// calling thread: hundreds of grains doing so at once, each blocking a pool thread in Parallel.For while its pieces
/// queue behind the other grains' work, starve the thread pool (the grains are the parallelism there).
/// </summary>
internal static class Work
{
    /// <summary>Rows (or values) below which the pieces run one after another on the calling thread.</summary>
    public const long ParallelThreshold = 200_000;

    /// <summary>body(0) … body(count − 1), in parallel when <paramref name="size"/> reaches the threshold.</summary>
    public static void For(int count, long size, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 1 || size < ParallelThreshold)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, body);
    }

    /// <summary><see cref="For(int, long, Action{int})"/> with a scratch value per worker (one for all pieces when sequential).</summary>
    public static void For<TLocal>(int count, long size, Func<TLocal> scratch, Action<int, TLocal> body)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 1 || size < ParallelThreshold)
        {
            TLocal local = scratch();
            for (int i = 0; i < count; i++)
            {
                body(i, local);
            }

            return;
        }

        Parallel.For(0, count, scratch, (i, _, local) =>
        {
            body(i, local);
            return local;
        }, _ => { });
    }
}
