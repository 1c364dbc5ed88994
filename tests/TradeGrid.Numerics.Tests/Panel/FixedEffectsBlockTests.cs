using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Poisson;

namespace TradeGrid.Numerics.Tests.Panel;

/// <summary>
/// A block kept through the three fixed-effects rounds (its rows demeaned once, Γ projected in place) gives the same
/// bits as rounds that each start from the rows; a second Γ starts again from the rows rather than projecting twice.
/// </summary>
public sealed class FixedEffectsBlockTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Kept_rounds_equal_rounds_from_the_rows(bool meat)
    {
        (double[,] x, double[] positive, int[] entity, int[] year, _) = NewtonPpmlTests.Panel(seed: 7, entities: 30, years: 9);
        double[] y = positive.Select(v => Math.Log(v + 1.0)).ToArray();
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var kept = new FixedEffectsBlock(x, y, entity, year, spec);
        (double[] gamma, _) = FixedEffectsRounds.Projection(kept.Moments, 1e-7);
        double[] otherGamma = gamma.Select(g => g * 1.5 + 0.25).ToArray();
        var basis = new ScoreBasis([0.5, -0.25, 1.0], [0, 1, 2], TallSkinnyQr.Combine([kept.Part(gamma)]).R);

        Assert.Equal(FixedEffectsRounds.Moments(x, y, entity, year, spec).System, kept.Moments.System);
        Assert.Equal(FixedEffectsRounds.Moments(x, y, entity, year, spec).Moments, kept.Moments.Moments);
        AssertSame(FixedEffectsRounds.Part(x, y, entity, year, spec, gamma), kept.Part(gamma));
        AssertSame(FixedEffectsRounds.Scores(x, y, entity, year, spec, gamma, basis, meat), kept.Scores(gamma, basis, meat));
        // Another Γ, then the first again: each from the rows, not projected on top of the last.
        AssertSame(FixedEffectsRounds.Part(x, y, entity, year, spec, otherGamma), kept.Part(otherGamma));
        AssertSame(FixedEffectsRounds.Scores(x, y, entity, year, spec, gamma, basis, meat), kept.Scores(gamma, basis, meat));
        Assert.True(kept.IsFor(x, new PanelSpec(true, spec.Years.ToArray())));
        Assert.False(kept.IsFor(x, new PanelSpec(false, spec.Years)));
        Assert.False(kept.IsFor((double[,])x.Clone(), spec));
    }

    private static void AssertSame(QrPart expected, QrPart actual)
    {
        Assert.Equal(expected.R, actual.R);
        Assert.Equal(expected.Qty, actual.Qty);
        Assert.Equal(expected.ResidualNorm, actual.ResidualNorm);
        Assert.Equal(expected.Observations, actual.Observations);
    }

    private static void AssertSame(ScorePart expected, ScorePart actual)
    {
        Assert.Equal(expected.ScoreSum, actual.ScoreSum);
        Assert.Equal(expected.Meat, actual.Meat);
        Assert.Equal(expected.ResidualSquares, actual.ResidualSquares);
    }
}
