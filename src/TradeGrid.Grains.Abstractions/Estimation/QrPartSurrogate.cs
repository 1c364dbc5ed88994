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
