using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

[RegisterConverter]
public sealed class QrPartConverter : IConverter<QrPart, QrPartSurrogate>
{
    public QrPart ConvertFromSurrogate(in QrPartSurrogate surrogate) =>
        new(surrogate.Observations, surrogate.Groups, surrogate.Columns, surrogate.R, surrogate.Qty, surrogate.ResidualNorm, surrogate.Yty, surrogate.YMean, surrogate.YCentredSquares);

    public QrPartSurrogate ConvertToSurrogate(in QrPart value) => new()
    {
        Observations = value.Observations,
        Groups = value.Groups,
        Columns = value.Columns,
        R = value.R,
        Qty = value.Qty,
        ResidualNorm = value.ResidualNorm,
        Yty = value.Yty,
        YMean = value.YMean,
        YCentredSquares = value.YCentredSquares,
    };
}
