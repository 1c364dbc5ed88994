using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Regression.QrPart"/> (the numerics do not reference Orleans).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.QrPart")]
public struct QrPartSurrogate
{
    [Id(0)] public int Observations;
    [Id(1)] public int Groups;
    [Id(2)] public int Columns;
    [Id(3)] public double[] R;
    [Id(4)] public double[] Qty;
    [Id(5)] public double ResidualNorm;
    [Id(6)] public double Yty;
    [Id(7)] public double YMean;
    [Id(8)] public double YCentredSquares;
}

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
