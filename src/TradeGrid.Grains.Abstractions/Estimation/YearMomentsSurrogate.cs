using TradeGrid.Numerics.Panel;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Panel.YearMoments"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearMoments")]
public struct YearMomentsSurrogate
{
    [Id(0)] public int Years;
    [Id(1)] public int Columns;
    [Id(2)] public double[] Moments;
    [Id(3)] public double[] System;
    [Id(4)] public double[] SquaredNorms;
}

[RegisterConverter]
public sealed class YearMomentsConverter : IConverter<YearMoments, YearMomentsSurrogate>
{
    public YearMoments ConvertFromSurrogate(in YearMomentsSurrogate s) => new(s.Years, s.Columns, s.Moments, s.System, s.SquaredNorms);

    public YearMomentsSurrogate ConvertToSurrogate(in YearMoments value) => new()
    {
        Years = value.Years,
        Columns = value.Columns,
        Moments = value.Moments,
        System = value.System,
        SquaredNorms = value.SquaredNorms,
    };
}
