using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="SweepCommand"/> (the numerics do not reference Orleans).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SweepCommand")]
public struct SweepCommandSurrogate
{
    [Id(0)] public int Op;
    [Id(1)] public double[][]? Counts;
    [Id(2)] public double[][]? Positives;
    [Id(3)] public bool Singletons;
    [Id(4)] public bool AllZero;
    [Id(5)] public int Target;
    [Id(6)] public bool Regressors;
    [Id(7)] public int Weights;
    [Id(8)] public double[][][]? Vectors;
    [Id(9)] public double[]? Beta;
    [Id(10)] public double[]? Factor;
    [Id(11)] public int[]? Kept;
    [Id(12)] public int Cluster;
    [Id(13)] public double? Mean;
    [Id(14)] public int[][]? Slots;
}

[RegisterConverter]
public sealed class SweepCommandConverter : IConverter<SweepCommand, SweepCommandSurrogate>
{
    public SweepCommand ConvertFromSurrogate(in SweepCommandSurrogate s) => new((SweepOp)s.Op)
    {
        Counts = s.Counts, Positives = s.Positives, Singletons = s.Singletons, AllZero = s.AllZero, Target = (SweepTarget)s.Target,
        Regressors = s.Regressors, Weights = (SweepWeights)s.Weights, Vectors = s.Vectors, Beta = s.Beta, Factor = s.Factor, Kept = s.Kept,
        Cluster = s.Cluster, Mean = s.Mean, Slots = s.Slots,
    };

    public SweepCommandSurrogate ConvertToSurrogate(in SweepCommand c) => new()
    {
        Op = (int)c.Op, Counts = c.Counts, Positives = c.Positives, Singletons = c.Singletons, AllZero = c.AllZero, Target = (int)c.Target,
        Regressors = c.Regressors, Weights = (int)c.Weights, Vectors = c.Vectors, Beta = c.Beta, Factor = c.Factor, Kept = c.Kept,
        Cluster = c.Cluster, Mean = c.Mean, Slots = c.Slots,
    };
}
