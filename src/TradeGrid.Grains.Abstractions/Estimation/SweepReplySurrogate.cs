using TradeGrid.Numerics.Absorption.Sweeps;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="SweepReply"/> (the numerics do not reference Orleans).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SweepReply")]
public struct SweepReplySurrogate
{
    [Id(0)] public int Rows;
    [Id(1)] public long[][]? Groups;
    [Id(2)] public double[][]? Counts;
    [Id(3)] public double[][]? Positives;
    [Id(4)] public double[][]? Shared;
    [Id(5)] public double[][][]? Vectors;
    [Id(6)] public double[]? Scalars;
    [Id(7)] public QrPart? Part;
    [Id(8)] public int Dropped;
    [Id(9)] public int DroppedZero;
    [Id(10)] public string Example;
    [Id(11)] public string ExampleZero;
    [Id(12)] public long[]? Keys;
    [Id(13)] public double[]? Sums;
    [Id(14)] public long[][]? Owners;
}

[RegisterConverter]
public sealed class SweepReplyConverter : IConverter<SweepReply, SweepReplySurrogate>
{
    public SweepReply ConvertFromSurrogate(in SweepReplySurrogate s) => new()
    {
        Rows = s.Rows, Groups = s.Groups, Counts = s.Counts, Positives = s.Positives, Shared = s.Shared, Vectors = s.Vectors, Scalars = s.Scalars,
        Part = s.Part, Dropped = s.Dropped, DroppedZero = s.DroppedZero, Example = s.Example ?? string.Empty, ExampleZero = s.ExampleZero ?? string.Empty,
        Keys = s.Keys, Sums = s.Sums, Owners = s.Owners,
    };

    public SweepReplySurrogate ConvertToSurrogate(in SweepReply r) => new()
    {
        Rows = r.Rows, Groups = r.Groups, Counts = r.Counts, Positives = r.Positives, Shared = r.Shared, Vectors = r.Vectors, Scalars = r.Scalars,
        Part = r.Part, Dropped = r.Dropped, DroppedZero = r.DroppedZero, Example = r.Example, ExampleZero = r.ExampleZero,
        Keys = r.Keys, Sums = r.Sums, Owners = r.Owners,
    };
}
