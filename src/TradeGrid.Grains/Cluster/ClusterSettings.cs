using System.Net;

namespace TradeGrid.Grains.Cluster;

/// <summary>
/// Configuration of the backend and the cluster (section <c>TradeGrid</c>: <c>Backend</c>, <c>Postgres</c>;
/// section <c>TradeGrid:Cluster</c>: the rest). <c>--postgres "Host=…"</c> sets both backend and connection.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "TradeGrid:Cluster";

    /// <summary>What the server says, at start-up and in every import's response, when nothing it holds is durable.</summary>
    public const string MemoryOnlyNote =
        "the memory backend keeps imported data in this process only: it is lost when the server stops. "
        + "To keep it, run with --postgres \"Host=...;Username=...;Password=...;Database=...\" (after `db migrate`), "
        + "or load the files at every start with --data-dir";

    /// <summary><c>memory</c> or <c>postgres</c>; empty picks <c>postgres</c> when a connection string is given.</summary>
    public string Backend { get; set; } = string.Empty;

    /// <summary>The Npgsql connection string (<c>TradeGrid:Postgres</c>, <c>--postgres</c>, or <c>TradeGrid__Postgres</c> in the environment).</summary>
    public string Postgres { get; set; } = string.Empty;

    /// <summary>Silos with the same cluster id form one cluster (the membership table's deployment id).</summary>
    public string ClusterId { get; set; } = "tradegrid";

    /// <summary>Grain state and reminders are keyed by service id: keep it across deployments to keep the data.</summary>
    public string ServiceId { get; set; } = "tradegrid";

    /// <summary>
    /// The address other silos reach this one at (a pod's IP in Kubernetes). Empty: the server's host address, or,
    /// when that is a wildcard (0.0.0.0, as in a container), the host name's first IPv4 address that is not loopback.
    /// With a non-loopback address, the silo listens on every interface.
    /// </summary>
    public string AdvertisedAddress { get; set; } = string.Empty;

    /// <summary>How long a silo waits for a probe's answer; probes go out once per timeout (Orleans' ProbeTimeout).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss before its prober votes it dead (Orleans' NumMissedProbesLimit).</summary>
    public int MissedProbes { get; set; } = 3;

    /// <summary>How often a silo writes "I am alive" to the membership table; three misses make it stale to joiners.</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public Backend Resolve()
    {
        string backend = Backend.Trim().ToLowerInvariant();
        return backend switch
        {
            "" => Postgres.Length > 0 ? Cluster.Backend.Postgres : Cluster.Backend.Memory,
            "memory" => Cluster.Backend.Memory,
            "postgres" or "postgresql" when Postgres.Length > 0 => Cluster.Backend.Postgres,
            "postgres" or "postgresql" => throw new InvalidOperationException(
                "TradeGrid:Backend is postgres but no connection string is set: give --postgres \"Host=...\" or TradeGrid:Postgres (environment: TradeGrid__Postgres)"),
            _ => throw new InvalidOperationException($"TradeGrid:Backend: '{Backend}' is not a backend; use memory or postgres"),
        };
    }

    public IPAddress Advertised(string host)
    {
        if (AdvertisedAddress.Length > 0)
        {
            return IPAddress.TryParse(AdvertisedAddress, out IPAddress? parsed)
                ? parsed
                : throw new InvalidOperationException($"TradeGrid:Cluster:AdvertisedAddress: '{AdvertisedAddress}' is not an IP address; give this silo's address as other silos reach it");
        }
        IPAddress address = IPAddress.Parse(host);
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? HostAddress() : address;
    }

    /// <summary>This machine's first IPv4 address that is not loopback (a container's address), else 127.0.0.1.</summary>
    private static IPAddress HostAddress()
    {
        try
        {
            return Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return IPAddress.Loopback;
        }
    }
}
