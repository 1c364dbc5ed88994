using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Numerics.Describe;
using NumericsFillFlag = TradeGrid.Numerics.Fill.FillFlag;
using NumericsFillMethod = TradeGrid.Numerics.Fill.FillMethod;
using ProtoPeriodGrowth = TradeGrid.Api.V1.PeriodGrowth;

namespace TradeGrid.Api.Describe;

/// <summary>Describe and fill results to protobuf messages. NaN (no value) becomes an absent optional field.</summary>
public static class DescribeMapping
{
    public static EconomyGrowth ToProto(this SeriesGrowthRecord g, string economy)
    {
        var proto = new EconomyGrowth { Economy = economy, Note = g.Note };
        for (int i = 0; i < g.Years.Length; i++)
        {
            var point = new GrowthPoint { Year = g.Years[i], Value = g.Values[i] };
            if (!double.IsNaN(g.YearOnYearPercent[i]))
            {
                point.YoyPercent = g.YearOnYearPercent[i];
            }
            if (!double.IsNaN(g.YearOnYearLogPercent[i]))
            {
                point.LogPercent = g.YearOnYearLogPercent[i];
            }
            proto.Points.Add(point);
        }
        if (g.Period is { } p)
        {
            proto.Period = p.ToProto();
        }
        return proto;
    }

    public static ProtoPeriodGrowth ToProto(this Numerics.Describe.PeriodGrowth p) => new()
    {
        FromYear = p.FromYear,
        ToYear = p.ToYear,
        FromValue = p.FromValue,
        ToValue = p.ToValue,
        TotalPercent = p.TotalPercent,
        CagrPercent = p.CagrPercent,
        LogPercentPerYear = p.LogPercentPerYear,
    };

    public static EconomyPair ToProto(this PairRecord pair, string economy)
    {
        var proto = new EconomyPair { Economy = economy };
        for (int i = 0; i < pair.Years.Length; i++)
        {
            var point = new PairPoint { Year = pair.Years[i] };
            if (!double.IsNaN(pair.First[i]))
            {
                point.First = pair.First[i];
            }
            if (!double.IsNaN(pair.Second[i]))
            {
                point.Second = pair.Second[i];
            }
            if (!double.IsNaN(pair.Result[i]))
            {
                point.Result = pair.Result[i];
            }
            proto.Points.Add(point);
        }
        return proto;
    }

    public static IEnumerable<AggregateYear> ToProto(this GroupAggregate a)
    {
        for (int t = 0; t < a.Years.Length; t++)
        {
            var year = new AggregateYear
            {
                Year = a.Years[t],
                Sum = a.Sum[t],
                Mean = a.Mean[t],
                Median = a.Median[t],
                Present = a.Present[t],
                Members = a.Members[t],
            };
            if (!double.IsNaN(a.WeightedMean[t]))
            {
                year.WeightedMean = a.WeightedMean[t];
            }
            if (!double.IsNaN(a.GdpCoveragePercent[t]))
            {
                year.GdpCoveragePercent = a.GdpCoveragePercent[t];
            }
            yield return year;
        }
    }

    /// <summary>Members by their change, largest first; those without a value in both years last, by code.</summary>
    public static IEnumerable<Contribution> ToProto(this ContributionTable table, double[] fromValues, double[] toValues)
    {
        var rows = new List<Contribution>(table.Economies.Length);
        for (int i = 0; i < table.Economies.Length; i++)
        {
            var row = new Contribution { Economy = table.Economies[i] };
            SetIfNumber(fromValues[i], v => row.FromValue = v);
            SetIfNumber(toValues[i], v => row.ToValue = v);
            SetIfNumber(table.Change[i], v => row.Change = v);
            SetIfNumber(table.ShareOfChangePercent[i], v => row.ShareOfChangePercent = v);
            SetIfNumber(table.PercentagePoints[i], v => row.PercentagePoints = v);
            rows.Add(row);
        }
        return rows.OrderByDescending(r => r.HasChange).ThenByDescending(r => r.HasChange ? r.Change : 0.0).ThenBy(r => r.Economy, StringComparer.Ordinal);
    }

    public static GrowthCheckRow ToProto(this GrowthCheck c) => new()
    {
        Label = c.Label,
        FromYear = c.FromYear,
        ToYear = c.ToYear,
        StatedPercent = c.StatedPercent,
        RecomputedPercent = c.RecomputedPercent,
        LowPercent = c.LowPercent,
        HighPercent = c.HighPercent,
        Flagged = c.Flagged,
    };

    public static EconomyFill ToProto(this FillRecord f, string economy)
    {
        var proto = new EconomyFill { Economy = economy, FilledCount = f.FilledCount, DataVersion = f.Version, Source = f.Source };
        for (int t = 0; t < f.Years.Length; t++)
        {
            var point = new FilledPoint
            {
                Year = f.Years[t],
                FilledBy = FilledByOf((NumericsFillMethod)f.Methods[t]),
                Flag = FlagOf((NumericsFillFlag)f.Flags[t]),
            };
            SetIfNumber(f.Values[t], v => point.Value = v);
            proto.Points.Add(point);
        }
        return proto;
    }

    private static FilledBy FilledByOf(NumericsFillMethod method) => method switch
    {
        NumericsFillMethod.Observed => FilledBy.Observed,
        NumericsFillMethod.NotFilled => FilledBy.NotFilled,
        NumericsFillMethod.ProxyChain => FilledBy.ProxyChain,
        NumericsFillMethod.ProxySpread => FilledBy.ProxySpread,
        NumericsFillMethod.ProxyExtrapolation => FilledBy.ProxyExtrapolation,
        NumericsFillMethod.Linear => FilledBy.Linear,
        NumericsFillMethod.LogLinear => FilledBy.LogLinear,
        NumericsFillMethod.CagrExtrapolation => FilledBy.CagrExtrapolation,
        _ => FilledBy.Unspecified,
    };

    private static string FlagOf(NumericsFillFlag flag) => flag switch
    {
        NumericsFillFlag.Observed => "observed",
        NumericsFillFlag.Interpolated => "interpolated",
        NumericsFillFlag.Estimated => "estimated",
        _ => "missing",
    };

    private static void SetIfNumber(double value, Action<double> set)
    {
        if (!double.IsNaN(value))
        {
            set(value);
        }
    }
}
