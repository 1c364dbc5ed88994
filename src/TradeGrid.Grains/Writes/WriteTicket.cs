namespace TradeGrid.Grains.Writes;

/// <summary>
/// What became of the write a request made, for the gateway to tell the caller even when the request fails: the
/// gateway opens a ticket per call (<see cref="Open"/>), the <see cref="WriteCoordinator"/> running in that call
/// records the write id and the commit point on it. A flow-local value rather than a parameter: it crosses every
/// handler and coordinator between the two without each passing it on.
/// </summary>
public sealed class WriteTicket
{
    private static readonly AsyncLocal<WriteTicket?> CurrentTicket = new();

    private readonly Func<Guid, Task>? _announce;

    private WriteTicket(Func<Guid, Task>? announce) => _announce = announce;

    /// <summary>The ticket of the call running here, or null outside a gateway call.</summary>
    public static WriteTicket? Current => CurrentTicket.Value;

    /// <summary>The write begun (empty: none).</summary>
    public Guid WriteId { get; private set; }

    /// <summary>The write reached its commit point: every economy it touches shows it, or will at its next call.</summary>
    public bool Committed { get; private set; }

    public long Sequence { get; private set; }

    /// <summary>Each economy's data version after the write was applied there (the audit's "after"; an economy whose apply was deferred is missing).</summary>
    public IReadOnlyDictionary<string, long> Versions { get; private set; } = new Dictionary<string, long>();

    /// <summary>
    /// A new ticket for the calls that follow in this flow. <paramref name="announce"/>, when given, is called with the
    /// write id once the ledger knows the write, before anything is staged (the gateway sends it in response headers).
    /// </summary>
    public static WriteTicket Open(Func<Guid, Task>? announce = null)
    {
        var ticket = new WriteTicket(announce);
        CurrentTicket.Value = ticket;
        return ticket;
    }

    /// <summary>
    /// The write this call began was committed by a job grain that runs it (a stored ForecastAll), not by a
    /// coordinator in this call: the gateway records what the job reports, for the trailers and the audit.
    /// </summary>
    public void CommittedByJob(long sequence, IReadOnlyDictionary<string, long> versions) => (Committed, Sequence, Versions) = (true, sequence, versions);

    internal void Begun(Guid writeId) => WriteId = writeId;

    internal Task AnnounceAsync(Guid writeId) => _announce?.Invoke(writeId) ?? Task.CompletedTask;

    internal void CommittedAt(long sequence) => (Committed, Sequence) = (true, sequence);

    internal void Applied(IReadOnlyDictionary<string, long> versions) => Versions = versions;
}
