using System.Globalization;
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
    public Task HoldCheckpoint(int? at = null) => File.WriteAllTextAsync(Path.Combine(Gate, "hold-checkpoint"), at?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    public void ReleaseCheckpoint() => File.Delete(Path.Combine(Gate, "hold-checkpoint"));

    /// <summary>The silo started here whose process has this id (the one a gate file names).</summary>
    public SiloProcess Silo(int pid) =>
        _silos.SingleOrDefault(s => s.Pid == pid) ?? throw new InvalidOperationException($"process {pid} is no silo of this cluster");

    /// <summary>Waits until a job held by the gate has stored a checkpoint; returns the silo that holds it, the job id and the checkpoint's count.</summary>
    public async Task<(SiloProcess Holder, string JobId, int Chunks)> WhenHeldAsync()
    {
        string reached = Path.Combine(Gate, "reached-checkpoint");
        string[] lines = [];
        while (lines.Length < 3)
        {
            await Task.Delay(20);
            lines = File.Exists(reached) ? (await File.ReadAllTextAsync(reached)).Split('\n') : [];
        }
        return (Silo(int.Parse(lines[0], CultureInfo.InvariantCulture)), lines[1], int.Parse(lines[2], CultureInfo.InvariantCulture));
    }

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
