using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Api.Data;

/// <summary>Grain records to protobuf messages.</summary>
public static class ProtoMapping
{
    public static Economy ToProto(this EconomyRecord e) => new()
    {
        Code = e.Code,
        Name = e.Name,
        Region = e.Region,
        IncomeGroup = e.IncomeGroup,
        IsAggregate = e.IsAggregate,
        Iso2 = e.Iso2,
    };

    public static Indicator ToProto(this IndicatorRecord i) => new()
    {
        Code = i.Code,
        Name = i.Name,
        Unit = i.Unit,
        Source = i.Source,
        Description = i.Description,
    };

    public static Series ToProto(this SeriesRecord s, string economy, long dataVersion, string unit)
    {
        var series = new Series
        {
            Economy = economy,
            Indicator = s.Indicator,
            Partner = s.Partner,
            DataVersion = dataVersion,
            Unit = unit,
        };
        for (int i = 0; i < s.Years.Length; i++)
        {
            series.Observations.Add(new Observation
            {
                Year = s.Years[i],
                Value = s.Values[i],
                Provenance = (Provenance)s.Provenance[i],
                Source = s.SourceAt(i),
            });
        }
        return series;
    }

    public static SeriesSummary ToProto(this SeriesSummaryRecord s) => new()
    {
        Indicator = s.Indicator,
        Partner = s.Partner,
        FirstYear = s.FirstYear,
        LastYear = s.LastYear,
        Count = s.Count,
    };
}
