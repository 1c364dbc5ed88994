using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;

namespace TradeGrid.Data.Dataset;

/// <summary>What a set of dataset files held: catalogue entries and parsed observations, not yet checked against each other.</summary>
public sealed class LoadedDataset
{
    public List<EconomyInfo> Economies { get; } = [];
    public List<IndicatorInfo> Indicators { get; } = [];
    public List<GroupMembership> Groups { get; } = [];
    public List<ParsedImport> Observations { get; } = [];
    public long RowsRead => Observations.Sum(o => o.RowsRead);
}
