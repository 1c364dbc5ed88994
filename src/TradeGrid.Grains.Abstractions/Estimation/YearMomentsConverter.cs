using TradeGrid.Numerics.Panel;

namespace TradeGrid.Grains.Abstractions.Estimation;

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
