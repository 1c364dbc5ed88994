using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using TradeGrid.Grains.Audit;
using TradeGrid.Grains.Cluster;

namespace TradeGrid.Grains.Hosting;

/// <summary>How every TradeGrid silo (the server's and the test clusters') is set up for its grains.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>ADO.NET's invariant name for Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// In-memory grain storage that keeps state in Orleans' binary format. The provider's default, JSON, was the
    /// largest single cost of loading and importing (every write serializes the economy's whole state).
    /// </summary>
    public static ISiloBuilder AddTradeGridMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageNames.Provider, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

    /// <summary>
    /// The backend the settings name. Memory: localhost clustering on the given ports, in-memory state and reminders.
    /// PostgreSQL: membership, grain state (Orleans' binary format, string keys kept apart by <see cref="StringKeyStorage"/>)
    /// and reminders in the database, this silo advertised at <paramref name="advertised"/>, failure detection per the settings.
    /// </summary>
    public static ISiloBuilder AddTradeGridBackend(this ISiloBuilder silo, ClusterSettings settings, IPAddress advertised, int siloPort, int gatewayPort)
    {
        if (settings.Resolve() == Backend.Memory)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddTradeGridMemoryStorage();
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IAuditStore, GrainAuditStore>();
            return silo;
        }

        string connection = settings.Postgres;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connection;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // A silo killed outright is declared dead after MissedProbes probes of ProbeTimeout each, by the votes
            // of the silos probing it (one vote suffices while the cluster has two silos); its grains re-activate
            // on the survivors at their next call. See docs/cluster.md.
            o.ProbeTimeout = settings.ProbeTimeout;
            o.NumMissedProbesLimit = settings.MissedProbes;
            o.IAmAliveTablePublishTimeout = settings.IAmAlivePeriod;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        silo.AddAdoNetGrainStorage(StorageNames.Durable, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connection;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (services, _) =>
            new StringKeyStorage(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Durable)));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connection;
        });
        silo.Services.AddSingleton<IAuditStore>(_ => new PostgresAuditTable(connection));
        return silo;
    }

    /// <summary>Lets TradeGrid's own exceptions cross grain calls with their type and message.</summary>
    public static ISiloBuilder AddTradeGridExceptions(this ISiloBuilder silo)
    {
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("TradeGrid"));
        return silo;
    }
}
