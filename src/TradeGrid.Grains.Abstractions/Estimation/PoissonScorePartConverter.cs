using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

[RegisterConverter]
public sealed class PoissonScorePartConverter : IConverter<PoissonScorePart, PoissonScorePartSurrogate>
{
    public PoissonScorePart ConvertFromSurrogate(in PoissonScorePartSurrogate s) =>
        new(s.Scores, s.Groups, s.SeparatedRows, s.Deviance, s.LogLikelihood, s.MeanY, s.MeanMu, s.Syy, s.Smm, s.Sym);

    public PoissonScorePartSurrogate ConvertToSurrogate(in PoissonScorePart value) => new()
    {
        Scores = value.Scores,
        Groups = value.Groups,
        SeparatedRows = value.SeparatedRows,
        Deviance = value.Deviance,
        LogLikelihood = value.LogLikelihood,
        MeanY = value.MeanY,
        MeanMu = value.MeanMu,
        Syy = value.Syy,
        Smm = value.Smm,
        Sym = value.Sym,
    };
}
