using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>Wire and storage form of <see cref="QuantileSketchState"/> (a scenario checkpoint's aggregate sketches).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.QuantileSketchState")]
public struct QuantileSketchStateSurrogate
{
    [Id(0)] public int K;
    [Id(1)] public long Count;
    [Id(2)] public double Shift;
    [Id(3)] public double Sum;
    [Id(4)] public double SumSquares;
    [Id(5)] public long RankError;
    [Id(6)] public double[][] Levels;
    [Id(7)] public bool[] Odd;
}

[RegisterConverter]
public sealed class QuantileSketchStateConverter : IConverter<QuantileSketchState, QuantileSketchStateSurrogate>
{
    public QuantileSketchState ConvertFromSurrogate(in QuantileSketchStateSurrogate s) => new(s.K, s.Count, s.Shift, s.Sum, s.SumSquares, s.RankError, s.Levels, s.Odd);

    public QuantileSketchStateSurrogate ConvertToSurrogate(in QuantileSketchState v) => new()
    {
        K = v.K, Count = v.Count, Shift = v.Shift, Sum = v.Sum, SumSquares = v.SumSquares, RankError = v.RankError, Levels = v.Levels, Odd = v.Odd,
    };
}
