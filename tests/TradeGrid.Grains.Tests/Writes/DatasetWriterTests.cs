using System.Text;
using Orleans.Core.Internal;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Writes;

/// <summary>The dataset writer on the shared two-silo cluster; every economy it writes is its own (codes DW…).</summary>
[Collection(ClusterCollection.Name)]
public sealed class DatasetWriterTests(TwoSiloCluster cluster)
{
    private static ParsedImport Parse(string csv) =>
        CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Detect, new ImportOptions { FileName = "t.csv", DefaultSource = "test" });

    private async Task RegisterAsync(params string[] codes)
    {
        EconomyRecord[] records = codes.Select(EconomyRecord.Bare).ToArray();
        await cluster.Grains.Catalog().AddEconomies(records);
        foreach (EconomyRecord r in records)
        {
            await cluster.Grains.Economy(r.Code).Register(r);
        }
    }

    [Fact]
    public async Task Import_spreads_rows_over_economy_grains_on_both_silos_and_reads_them_back()
    {
        string[] codes = Enumerable.Range(0, 40).Select(i => $"DW{i:D2}").ToArray();
        await RegisterAsync(codes);
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (string code in codes)
        {
            for (int year = 2000; year <= 2005; year++)
            {
                csv.Append($"{code},dw_x,{year},{year - 2000 + code.Length}\n");
            }
        }

        ImportSummary summary = await new DatasetWriter(cluster.Grains).ImportAsync(Parse(csv.ToString()), createEconomies: false, CancellationToken.None);

        Assert.Equal(240, summary.ObservationsWritten);
        Assert.Equal(40, summary.Versions.Count);
        Assert.Contains("dw_x", summary.IndicatorsAdded);
        SeriesRecord? series = await cluster.Grains.Economy("DW07").GetSeries("dw_x", "", 2002, 2004);
        Assert.NotNull(series);
        Assert.Equal([2002, 2003, 2004], series.Years);
        Assert.Equal([6.0, 7.0, 8.0], series.Values);
        Assert.Equal(summary.Versions["DW07"], series.Version);
        // Activations spread over both silos: nothing in the design may assume one process.
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }

    [Fact]
    public async Task An_unknown_economy_refuses_the_whole_import_and_changes_nothing()
    {
        await RegisterAsync("DWA", "DWB");
        var writer = new DatasetWriter(cluster.Grains);
        await writer.ImportAsync(Parse("economy,indicator,year,value\nDWA,dw_y,2000,1\n"), false, CancellationToken.None);
        long before = await cluster.Grains.Economy("DWA").GetVersion();

        var error = await Assert.ThrowsAsync<UnknownEconomyException>(() =>
            writer.ImportAsync(Parse("economy,indicator,year,value\nDWA,dw_y,2001,2\nDWZZ,dw_y,2001,3\n"), false, CancellationToken.None));

        Assert.Contains("'DWZZ' (line 3)", error.Message);
        Assert.Contains("create_economies", error.Message);
        Assert.Equal(before, await cluster.Grains.Economy("DWA").GetVersion());
        SeriesRecord? series = await cluster.Grains.Economy("DWA").GetSeries("dw_y", "", 0, 0);
        Assert.Equal([2000], series!.Years);
        CatalogSnapshot catalog = await cluster.Grains.Catalog().GetSnapshot();
        Assert.DoesNotContain(catalog.Economies, e => e.Code == "DWZZ");
    }

    [Fact]
    public async Task Creating_economies_registers_them_and_every_write_bumps_the_version()
    {
        var writer = new DatasetWriter(cluster.Grains);

        ImportSummary first = await writer.ImportAsync(Parse("economy,indicator,year,value,partner\nDWNEW,dw_b,2020,5,DWNEW2\n"), true, CancellationToken.None);
        ImportSummary second = await writer.ImportAsync(Parse("economy,indicator,year,value,partner\nDWNEW,dw_b,2021,6,DWNEW2\n"), true, CancellationToken.None);

        Assert.Equal(["DWNEW", "DWNEW2"], first.EconomiesCreated.Order());
        Assert.Empty(second.EconomiesCreated);
        Assert.True(second.Versions["DWNEW"] > first.Versions["DWNEW"]);
        SeriesRecord? bilateral = await cluster.Grains.Economy("DWNEW").GetSeries("dw_b", "DWNEW2", 0, 0);
        Assert.Equal([2020, 2021], bilateral!.Years);
        Assert.Null(await cluster.Grains.Economy("DWNEW").GetSeries("dw_b", "", 0, 0));
    }

    [Fact]
    public async Task Reading_an_unregistered_economy_is_an_unknown_economy()
    {
        var error = await Assert.ThrowsAsync<UnknownEconomyException>(() => cluster.Grains.Economy("DWQQQ").GetSeries("x", "", 0, 0).AsTask());

        Assert.Contains("DWQQQ", error.Message);
    }

    [Fact]
    public async Task A_loaded_dataset_registers_catalogue_groups_and_series()
    {
        var dataset = new Data.Dataset.LoadedDataset();
        dataset.Economies.Add(new EconomyInfo("DWG1", "One", "R", "High income", false, "D1"));
        dataset.Economies.Add(new EconomyInfo("DWGRP", "Group", "Aggregates", "", true, ""));
        dataset.Groups.Add(new GroupMembership("DWGRP", "DWG1", 2022, 0));
        dataset.Indicators.Add(new IndicatorInfo("dw_pop", "Population", "millions", "test", ""));
        dataset.Observations.Add(Parse("economy,indicator,year,value,flag\nDWG1,dw_pop,2022,1.5,published\n"));

        await new DatasetWriter(cluster.Grains).LoadAsync(dataset, CancellationToken.None);

        CatalogSnapshot catalog = await cluster.Grains.Catalog().GetSnapshot();
        Assert.Contains(catalog.Groups, g => g == new GroupMemberRecord("DWGRP", "DWG1", 2022, 0));
        Assert.Contains(catalog.Indicators, i => i.Code == "dw_pop" && i.Unit == "millions");
        EconomyOverview overview = await cluster.Grains.Economy("DWG1").GetOverview();
        Assert.Equal("One", overview.Economy.Name);
        Assert.Equal((byte)Provenance.Published, (await cluster.Grains.Economy("DWG1").GetSeries("dw_pop", "", 0, 0))!.Provenance[0]);
    }

    [Fact]
    public async Task An_economy_reactivated_from_storage_answers_with_what_was_written()
    {
        await RegisterAsync("DWS");
        var writer = new DatasetWriter(cluster.Grains);
        ImportSummary summary = await writer.ImportAsync(Parse(
            "economy,indicator,year,value,source\nDWS,dw_s,2001,1.5,first\nDWS,dw_s,2002,2.5,first\nDWS,dw_s,2003,3.5,second\nDWS,dw_t,1999,-1,first\n"),
            false, CancellationToken.None);
        SeriesRecord before = (await cluster.Grains.Economy("DWS").GetSeries("dw_s", "", 0, 0))!;

        // Deactivates this economy's grain only (the cluster is shared with other classes): the next call activates
        // it again, which reads the economy's state back from grain storage.
        await cluster.Grains.Economy("DWS").AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        SeriesRecord? after = await cluster.Grains.Economy("DWS").GetSeries("dw_s", "", 2002, 0);

        Assert.NotNull(after);
        Assert.Equal([2002, 2003], after.Years);
        Assert.Equal([2.5, 3.5], after.Values);
        Assert.Equal(["first", "second"], [after.SourceAt(0), after.SourceAt(1)]);
        Assert.Equal(["first", "first", "second"], Enumerable.Range(0, 3).Select(before.SourceAt));
        Assert.Equal(summary.Versions["DWS"], await cluster.Grains.Economy("DWS").GetVersion());
    }
}
