using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Support;

/// <summary>Seeds a test cluster as an import would: registers the economies, then writes a tidy CSV through the dataset writer.</summary>
public static class ClusterImport
{
    public static Task ImportAsync(this TwoSiloCluster cluster, string[] codes, string csv, string fileName) =>
        cluster.Grains.ImportAsync(codes, csv, fileName);

    public static async Task ImportAsync(this IGrainFactory grains, string[] codes, string csv, string fileName)
    {
        EconomyRecord[] records = codes.Select(EconomyRecord.Bare).ToArray();
        await grains.Catalog().AddEconomies(records);
        foreach (EconomyRecord r in records)
        {
            await grains.Economy(r.Code).Register(r);
        }

        ParsedImport parsed = CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Detect, new ImportOptions { FileName = fileName, DefaultSource = "test" });
        await new DatasetWriter(grains).ImportAsync(parsed, createEconomies: false, CancellationToken.None);
    }
}
