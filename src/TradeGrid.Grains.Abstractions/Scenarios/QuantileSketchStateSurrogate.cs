using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>Wire and storage form of <see cref="QuantileSketchState"/> (a scenario checkpoint's aggregate sketches).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.QuantileSketchState")]
public struct QuantileSketchStateSurrogate
{
    [Id(0)] public int K;
    [Id(1)] public long Count;
    [Id(2)] public double Mean;
    [Id(3)] public double M2;
    [Id(4)] public long RankError;
    [Id(5)] public double[][] Levels;
    [Id(6)] public bool[] Odd;
}

[RegisterConverter]
public sealed class QuantileSketchStateConverter : IConverter<QuantileSketchState, QuantileSketchStateSurrogate>
{
    public QuantileSketchState ConvertFromSurrogate(in QuantileSketchStateSurrogate s) => new(s.K, s.Count, s.Mean, s.M2, s.RankError, s.Levels, s.Odd);

    public QuantileSketchStateSurrogate ConvertToSurrogate(in QuantileSketchState v) => new()
    {
        K = v.K, Count = v.Count, Mean = v.Mean, M2 = v.M2, RankError = v.RankError, Levels = v.Levels, Odd = v.Odd,
    };
}
