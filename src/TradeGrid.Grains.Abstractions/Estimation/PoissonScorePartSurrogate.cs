using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Poisson.PoissonScorePart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PoissonScorePart")]
public struct PoissonScorePartSurrogate
{
    [Id(0)] public ScorePart Scores;
    [Id(1)] public int Groups;
    [Id(2)] public int[] SeparatedRows;
    [Id(3)] public double Deviance;
    [Id(4)] public double LogLikelihood;
    [Id(5)] public double MeanY;
    [Id(6)] public double MeanMu;
    [Id(7)] public double Syy;
    [Id(8)] public double Smm;
    [Id(9)] public double Sym;
}

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
