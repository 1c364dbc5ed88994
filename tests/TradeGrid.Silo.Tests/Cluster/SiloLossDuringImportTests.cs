using System.Globalization;
using System.Text;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Cluster;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// kill -9 of the silo coordinating an import, of two, held at a point of the write protocol (a file gate, not a
/// timing guess): before the commit point the import is wholly absent, after it wholly applied, as the other silo
/// serves it once the cluster has noticed the death and re-activated the grains from PostgreSQL.
/// </summary>
public sealed class SiloLossDuringImportTests
{
    private const int Economies = 24;

    [PostgresTheory]
    [InlineData("before-commit", false)]
    [InlineData("after-commit", true)]
    public async Task KillingTheCoordinatingSilo_MidImport_LeavesTheImportWhollyAppliedOrWhollyAbsent(string point, bool applied)
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        string gate = Directory.CreateTempSubdirectory("tradegrid-gate").FullName;
        SiloProcess? a = null, b = null;
        try
        {
            a = await SiloProcess.StartAsync(database, writeGate: gate);
            b = await SiloProcess.StartAsync(database);
            var throughA = new DataService.DataServiceClient(a.Channel);
            Assert.True((await throughA.ImportAsync(Rows(1.0))).Write.Committed);

            await File.WriteAllTextAsync(Path.Combine(gate, "hold-" + point), string.Empty);
            Task<ImportResponse> import = throughA.ImportAsync(Rows(2.0));
            string reached = Path.Combine(gate, "reached-" + point);
            while (!File.Exists(reached) && !import.IsCompleted)
            {
                await Task.Delay(20);
            }
            Assert.True(File.Exists(reached), $"the import ended before reaching {point}: {import.Exception?.GetBaseException().Message}");
            a.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => import);

            var throughB = new DataService.DataServiceClient(b.Channel);
            double?[] values = new double?[Economies];
            for (int i = 0; i < Economies; i++)
            {
                string code = Code(i);
                values[i] = await Imports.WhenClusterSettledAsync(() => throughB.ValueAsync(code, "tg_loss", 2020));
            }
            Assert.All(values, v => Assert.Equal(applied ? 2.0 : 1.0, v));
        }
        finally
        {
            foreach (SiloProcess? silo in new[] { a, b })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
            Directory.Delete(gate, recursive: true);
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static string Code(int i) => "L" + i.ToString("00", CultureInfo.InvariantCulture);

    private static string Rows(double value)
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        for (int i = 0; i < Economies; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Code(i)},tg_loss,2020,{value}\n");
        }
        return csv.ToString();
    }
}
