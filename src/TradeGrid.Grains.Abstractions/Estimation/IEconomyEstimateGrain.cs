using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Numerics.Absorption.Sweeps;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// The estimation side of an economy grain (same key, same activation as <see cref="IEconomyGrain"/>): it builds its
/// own rows from its series (and the partner series the coordinator passes in) and returns only small summaries,
/// never rows. Every method answers null when the economy has no rows in the sample.
/// </summary>
[Alias("TradeGrid.IEconomyEstimateGrain")]
public interface IEconomyEstimateGrain : IGrainWithStringKey
{
    /// <summary>Round 0: the block's row count, years, dropped rows and data version. Refuses a log of a non-positive value.</summary>
    [Alias("DescribeBlock")]
    ValueTask<BlockInfo> DescribeBlock(BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>OLS/FE round 1: the QR factor of the block's (within-transformed) rows.</summary>
    [Alias("LinearPart")]
    ValueTask<QrPart?> LinearPart(BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>OLS/FE round 2: the block's whitened scores given the coordinator's coefficients; <paramref name="meat"/> for HC.</summary>
    [Alias("LinearScores")]
    ValueTask<ScorePart?> LinearScores(BlockRequest request, ScoreBasis basis, bool meat, CancellationToken cancellationToken = default);

    /// <summary>FE with year effects, round 1: the moments of the block's entity-demeaned columns for the year projection.</summary>
    [Alias("LinearYearMoments")]
    ValueTask<YearMoments?> LinearYearMoments(BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>FE with year effects, round 2: the QR factor of the block's rows with the coordinator's Γ projected out.</summary>
    [Alias("LinearAbsorbedPart")]
    ValueTask<QrPart?> LinearAbsorbedPart(BlockRequest request, double[] gamma, CancellationToken cancellationToken = default);

    /// <summary>FE with year effects, round 3: the block's whitened scores given Γ and the coefficients.</summary>
    [Alias("LinearAbsorbedScores")]
    ValueTask<ScorePart?> LinearAbsorbedScores(BlockRequest request, double[] gamma, ScoreBasis basis, bool meat, CancellationToken cancellationToken = default);

    /// <summary>PPML separation: the evidence after the rounds in the request, and the rows the last of them dropped.</summary>
    [Alias("SeparationRound")]
    ValueTask<SeparationStep> SeparationRound(BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>PPML: one IRLS iteration's part at <paramref name="beta"/> (null: the first iteration).</summary>
    [Alias("PoissonIteration")]
    ValueTask<PoissonPart?> PoissonIteration(BlockRequest request, double[]? beta, CancellationToken cancellationToken = default);

    /// <summary>PPML with entity effects: the block's share of a step's normal equations at θ (year dummies, then slopes; null: the start).</summary>
    [Alias("PoissonNewtonStep")]
    ValueTask<NewtonPart?> PoissonNewtonStep(BlockRequest request, double[]? theta, CancellationToken cancellationToken = default);

    /// <summary>PPML with entity effects, final round: the QR part of the fully absorbed rows and the block's summary.</summary>
    [Alias("PoissonNewtonFinal")]
    ValueTask<PoissonFinalPart?> PoissonNewtonFinal(BlockRequest request, double[] theta, double[] gamma, CancellationToken cancellationToken = default);

    /// <summary>PPML with entity effects, HC covariances: the block's whitened meat given the final basis.</summary>
    [Alias("PoissonNewtonMeat")]
    ValueTask<ScorePart?> PoissonNewtonMeat(BlockRequest request, double[] theta, double[] gamma, ScoreBasis basis, CancellationToken cancellationToken = default);

    /// <summary>
    /// Absorbed effect sets (formula fits): the block's rows themselves, for the coordinator's projections. The one
    /// round in which rows leave the grain (docs/estimation-service.md says why and what replaces it).
    /// </summary>
    [Alias("AbsorbedRows")]
    ValueTask<RowsPart?> AbsorbedRows(BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Absorbed in the grains: builds the economy's block of the fit (its rows, the effects' and clusters' ids) and
    /// keeps it under the setup's session; false when the economy has no rows in the sample.
    /// </summary>
    [Alias("SweepPrepare")]
    ValueTask<bool> SweepPrepare(BlockRequest request, SweepSetup setup, CancellationToken cancellationToken = default);

    /// <summary>Absorbed in the grains: the kept block's answer to one command of the fit (per-group sums, QR part, scores).</summary>
    [Alias("Sweep")]
    ValueTask<SweepReply> Sweep(string session, SweepCommand command, CancellationToken cancellationToken = default);

    /// <summary>Absorbed in the grains: forgets the session's block (the fit is over).</summary>
    [Alias("SweepRelease")]
    ValueTask SweepRelease(string session);

    /// <summary>PPML final round at the converged coefficients.</summary>
    [Alias("PoissonFinal")]
    ValueTask<PoissonScorePart?> PoissonFinal(BlockRequest request, ScoreBasis basis, bool meat, CancellationToken cancellationToken = default);
}
