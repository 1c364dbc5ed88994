using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Describe;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Grains.Writes;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Tests.Describe;

/// <summary>The describe part of the economy grain on a two-silo cluster: same grain, same data; the coordinator's fan-out.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EconomyDescribeGrainTests(TwoSiloCluster cluster)
{
    private const double SameFormula = 1e-12;

    private async Task ImportAsync(string csv)
    {
        ParsedImport parsed = CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Detect, new ImportOptions { FileName = "t.csv", DefaultSource = "test" });
        await new DatasetWriter(cluster.Grains).ImportAsync(parsed, createEconomies: true, CancellationToken.None);
    }

    [Fact]
    public async Task The_describe_interface_reaches_the_same_activation_and_data_as_the_economy_interface()
    {
        await ImportAsync("economy,indicator,year,value\nDSA,ds_x,2000,2\nDSA,ds_x,2001,3\n");
        IEconomyGrain economy = cluster.Grains.Economy("DSA");
        IEconomyDescribeGrain describe = cluster.Grains.EconomyDescribe("DSA");

        SeriesGrowthRecord? growth = await describe.GetGrowth("ds_x", 0, 0, strict: true);
        long version = await economy.GetVersion();
        FillRecord? fill = await describe.Fill(new FillSpec("ds_x", string.Empty, FillKind.Linear, FillEnds.None, 1999, 2001), store: true);

        Assert.Equal(economy.GetGrainId(), describe.GetGrainId());
        Assert.NotNull(growth);
        Assert.Equal([2.0, 3.0], growth.Values);
        Assert.Equal(50.0, growth.YearOnYearPercent[1], SameFormula);
        Assert.NotNull(fill);
        Assert.Equal(0, fill.FilledCount); // nothing between 2000 and 2001, and ends are not asked
        Assert.Equal(version, await economy.GetVersion());
    }

    [Fact]
    public async Task A_group_aggregate_over_grains_on_both_silos_equals_the_single_process_combination()
    {
        string[] codes = Enumerable.Range(0, 30).Select(i => $"DG{i:D2}").ToArray();
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach ((string code, int i) in codes.Select((c, i) => (c, i)))
        {
            for (int year = 2000; year <= 2004; year++)
            {
                if ((i + year) % 7 != 0)
                {
                    csv.Append($"{code},dg_x,{year},{1.5 * i + year - 1999}\n");
                }
                csv.Append($"{code},dg_gdp,{year},{10 + i}\n");
            }
        }
        await ImportAsync(csv.ToString());
        GroupMembership[] members = codes.Select(c => new GroupMembership("DG", c, c == "DG03" ? 2002 : 0, 0)).ToArray();
        int[] years = [2000, 2001, 2002, 2003, 2004];

        GroupAggregate viaGrains = await new DescribeCoordinator(cluster.Grains).AggregateAsync("DG", members, "dg_x", years, "dg_gdp", "dg_gdp", CancellationToken.None);

        // The same partials built in this process from the series read back.
        var local = new List<GroupPartial>();
        foreach (GroupMembership m in members)
        {
            SeriesRecord x = (await cluster.Grains.Economy(m.Member).GetSeries("dg_x", "", 0, 0))!; // imported above
            SeriesRecord g = (await cluster.Grains.Economy(m.Member).GetSeries("dg_gdp", "", 0, 0))!; // imported above
            double[] gdp = SeriesPair.At(g.Years, g.Values, years);
            bool[]? inGroup = m.FromYear == 0 ? null : years.Select(m.HoldsIn).ToArray();
            local.Add(GroupAggregation.Partial(years, SeriesPair.At(x.Years, x.Values, years), gdp, gdp, inGroup));
        }
        GroupAggregate expected = GroupAggregation.Combine("DG", local);
        Assert.Equal(expected.Present, viaGrains.Present);
        Assert.Equal(expected.Members, viaGrains.Members);
        Assert.Equal(29, viaGrains.Members[0]);
        for (int t = 0; t < years.Length; t++)
        {
            Assert.Equal(expected.Sum[t], viaGrains.Sum[t], SameFormula * Math.Abs(expected.Sum[t]));
            Assert.Equal(expected.Median[t], viaGrains.Median[t]);
            Assert.Equal(expected.WeightedMean[t], viaGrains.WeightedMean[t], SameFormula * Math.Abs(expected.WeightedMean[t]));
            Assert.Equal(expected.GdpCoveragePercent[t], viaGrains.GdpCoveragePercent[t], SameFormula * 100);
        }
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }

    [Fact]
    public async Task A_fill_refused_for_one_economy_stores_nothing_for_any()
    {
        await ImportAsync("economy,indicator,year,value\nDFA,df_y,2000,10\nDFA,df_p,2000,1\nDFA,df_p,2001,2\nDFB,df_y,2000,10\nDFB,df_p,2000,1\n");
        long a = await cluster.Grains.Economy("DFA").GetVersion();
        long b = await cluster.Grains.Economy("DFB").GetVersion();
        var spec = new FillSpec("df_y", "df_p", FillKind.ProxyChain, FillEnds.None, 2000, 2001);

        var error = await Assert.ThrowsAsync<InsufficientDataException>(() => new DescribeCoordinator(cluster.Grains).FillAsync(["DFA", "DFB"], spec, dryRun: false, CancellationToken.None));

        Assert.Contains("The proxy of DFB is missing or not positive in 2001", error.Message);
        Assert.Contains("Nothing was stored", error.Message);
        Assert.Equal(a, await cluster.Grains.Economy("DFA").GetVersion());
        Assert.Equal(b, await cluster.Grains.Economy("DFB").GetVersion());
    }
}
