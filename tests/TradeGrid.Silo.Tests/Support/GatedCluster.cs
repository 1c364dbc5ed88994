using TradeGrid.Grains.Cluster;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL database with the schema, a job-gate folder, and the silo processes started on them.
/// <see cref="HoldCheckpoint"/> makes every job stop after storing its next checkpoint until <see cref="ReleaseCheckpoint"/>;
/// disposing stops every silo, deletes the folder and drops the database.
/// </summary>
public sealed class GatedCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];

    private GatedCluster(string database, string gate)
    {
        Database = database;
        Gate = gate;
    }

    public string Database { get; }

    public string Gate { get; }

    public static async Task<GatedCluster> CreateAsync()
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        return new GatedCluster(database, Directory.CreateTempSubdirectory("tradegrid-jobgate").FullName);
    }

    /// <summary>A silo with the default dataset that obeys the job gate.</summary>
    public Task<SiloProcess> StartGatedAsync() => AddAsync(SiloProcess.StartAsync(Database, defaultData: true, jobGate: Gate));

    /// <summary>A silo with the default dataset on <paramref name="siloPort"/> (a killed silo's), without the gate.</summary>
    public Task<SiloProcess> StartAsync(int siloPort) => AddAsync(SiloProcess.StartAsync(Database, siloPort, defaultData: true));

    /// <summary>Holds jobs at their next checkpoint, or only at checkpoint <paramref name="at"/> (its count of chunks stored) when given.</summary>
    public Task HoldCheckpoint(int? at = null) => File.WriteAllTextAsync(Path.Combine(Gate, "hold-checkpoint"), at?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

    public void ReleaseCheckpoint() => File.Delete(Path.Combine(Gate, "hold-checkpoint"));

    public async ValueTask DisposeAsync()
    {
        foreach (SiloProcess silo in _silos)
        {
            await silo.DisposeAsync();
        }
        Directory.Delete(Gate, recursive: true);
        await TestPostgres.DropDatabaseAsync(Database);
    }

    private async Task<SiloProcess> AddAsync(Task<SiloProcess> starting)
    {
        SiloProcess silo = await starting;
        _silos.Add(silo);
        return silo;
    }
}
