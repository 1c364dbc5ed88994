using System.Globalization;
using System.Text.Json;
using TradeGrid.Data.Dataset;
using TradeGrid.Data.Model;
using TradeGrid.Data.Tests.Support;

namespace TradeGrid.Data.Tests.Dataset;

public sealed class DefaultDatasetTests
{
    private static readonly Lazy<LoadedDataset> Loaded = new(() => DatasetReader.Read(DefaultDataset.Files()));

    [Fact]
    public void Coverage_matches_what_the_build_script_counted()
    {
        using JsonDocument coverage = JsonDocument.Parse(File.ReadAllText(SharedData.Fixture("default_coverage.json")));
        JsonElement c = coverage.RootElement;
        LoadedDataset dataset = Loaded.Value;

        List<ObservationRow> pwt = dataset.Observations.SelectMany(o => o.Rows).Where(r => r.Source.Contains("Penn World Table 9.1", StringComparison.Ordinal)).ToList();
        Assert.Equal(c.GetProperty("economies_rows").GetInt32(), dataset.Economies.Count);
        Assert.Equal(c.GetProperty("pwt_rows").GetInt32(), pwt.Count);
        Assert.Equal(c.GetProperty("pwt_economies").GetInt32(), pwt.Select(r => r.Economy).Distinct().Count());
        Assert.Equal(c.GetProperty("pwt_years")[0].GetInt32(), pwt.Min(r => r.Year));
        Assert.Equal(c.GetProperty("pwt_years")[1].GetInt32(), pwt.Max(r => r.Year));
        Assert.Equal(c.GetProperty("published_rows").GetInt32(), dataset.Observations.SelectMany(o => o.Rows).Count(r => r.Provenance == Provenance.Published));
    }

    [Fact]
    public void Known_pwt_values_drawn_by_r_are_served_exactly()
    {
        var byKey = Loaded.Value.Observations.SelectMany(o => o.Rows).ToDictionary(r => (r.Economy, r.Indicator, r.Year));
        string[] lines = File.ReadAllLines(SharedData.Fixture("pwt_known_values.csv"));

        Assert.True(lines.Length > 20);
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            double expected = double.Parse(f[3], CultureInfo.InvariantCulture);
            ObservationRow row = byKey[(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture))];
            // Both sides print 15 significant digits of the same double; derived values are recomputed in R.
            Assert.True(Math.Abs(row.Value / expected - 1) <= 1e-12, $"{line}: dataset has {row.Value:R}");
        }
    }

    [Fact]
    public void Every_observation_names_a_catalogued_economy_and_indicator()
    {
        LoadedDataset dataset = Loaded.Value;
        var economies = dataset.Economies.Select(e => e.Code).ToHashSet();
        var indicators = dataset.Indicators.Select(i => i.Code).ToHashSet();

        Assert.Empty(dataset.Observations.SelectMany(o => o.Rows).Where(r => !economies.Contains(r.Economy)).Select(r => r.Economy).Distinct());
        Assert.Empty(dataset.Observations.SelectMany(o => o.Rows).Where(r => !indicators.Contains(r.Indicator)).Select(r => r.Indicator).Distinct());
        Assert.Contains(dataset.Groups, g => g.Group == "RCEP" && g.Member == "CHN" && g.FromYear == 2022);
        Assert.All(dataset.Observations.SelectMany(o => o.Rows).Where(r => r.Provenance == Provenance.Published), r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void Shared_economy_lists_keyed_by_economy_read_as_catalogues()
    {
        LoadedDataset dataset = DatasetReader.Read([new DatasetFile("economies_wb.csv", () => File.OpenRead(SharedData.Path("economies_wb.csv")))]);

        Assert.Empty(dataset.Observations);
        Assert.True(dataset.Economies.Count > 200);
        Assert.Contains(dataset.Economies, e => e.Code == "WLD" && e.IsAggregate);
        Assert.Contains(dataset.Economies, e => e.Code == "CHN" && !e.IsAggregate && e.Region.Length > 0);
    }
}
