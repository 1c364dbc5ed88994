using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Poisson.NewtonPart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.NewtonPart")]
public struct NewtonPartSurrogate
{
    [Id(0)] public int Years;
    [Id(1)] public int Slopes;
    [Id(2)] public double[] SlopeProducts;
    [Id(3)] public double[] SlopeRhs;
    [Id(4)] public double[] Cross;
    [Id(5)] public double[] YearWeight;
    [Id(6)] public double[] YearCoupling;
    [Id(7)] public double[] YearRhs;
    [Id(8)] public double Deviance;
    [Id(9)] public double SumY;
}

[RegisterConverter]
public sealed class NewtonPartConverter : IConverter<NewtonPart, NewtonPartSurrogate>
{
    public NewtonPart ConvertFromSurrogate(in NewtonPartSurrogate s) =>
        new(s.Years, s.Slopes, s.SlopeProducts, s.SlopeRhs, s.Cross, s.YearWeight, s.YearCoupling, s.YearRhs, s.Deviance, s.SumY);

    public NewtonPartSurrogate ConvertToSurrogate(in NewtonPart value) => new()
    {
        Years = value.Years,
        Slopes = value.Slopes,
        SlopeProducts = value.SlopeProducts,
        SlopeRhs = value.SlopeRhs,
        Cross = value.Cross,
        YearWeight = value.YearWeight,
        YearCoupling = value.YearCoupling,
        YearRhs = value.YearRhs,
        Deviance = value.Deviance,
        SumY = value.SumY,
    };
}
