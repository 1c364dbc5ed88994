using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>Wire form of <see cref="Numerics.Scenarios.PoissonYearSums"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PoissonYearSums")]
public struct PoissonYearSumsSurrogate
{
    [Id(0)] public double[] SumY;
    [Id(1)] public double[] SumMu;
}

[RegisterConverter]
public sealed class PoissonYearSumsConverter : IConverter<PoissonYearSums, PoissonYearSumsSurrogate>
{
    public PoissonYearSums ConvertFromSurrogate(in PoissonYearSumsSurrogate s) => new(s.SumY, s.SumMu);

    public PoissonYearSumsSurrogate ConvertToSurrogate(in PoissonYearSums value) => new() { SumY = value.SumY, SumMu = value.SumMu };
}
