using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

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
