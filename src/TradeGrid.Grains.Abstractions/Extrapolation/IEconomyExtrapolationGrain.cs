using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// Extrapolation on the economy grain (same key): the economy builds its own rows from its own series and predicts
/// its own values; only small summaries and its predictions leave it.
/// </summary>
[Alias("TradeGrid.IEconomyExtrapolationGrain")]
public interface IEconomyExtrapolationGrain : IGrainWithStringKey
{
    /// <summary>Σ exp(y − x'b) over this economy's rows of a (unilateral, pooled) log model.</summary>
    [Alias("SmearingPart")]
    ValueTask<SmearingSum> SmearingPart(DesignSpec spec, double[] beta, CancellationToken cancellationToken = default);

    /// <summary>Predicts the fit's dependent for this economy's years; stores them when the job says so.</summary>
    [Alias("Predict")]
    ValueTask<EconomyPredictions> Predict(PredictionJob job, CancellationToken cancellationToken = default);

    /// <summary>Round one of the world pipeline: the QR factor of the share model's rows (shares filled where asked).</summary>
    [Alias("WorldRows")]
    ValueTask<WorldBlock> WorldRows(WorldJob job, CancellationToken cancellationToken = default);

    /// <summary>Round two: every year's row with the uncovered years predicted from the model.</summary>
    [Alias("WorldPredict")]
    ValueTask<WorldRow[]> WorldPredict(WorldJob job, PredictionTerms terms, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the pipeline's estimated (and filled) shares of the given years, citing the pipeline's fit, for the atomic
    /// write <paramref name="writeId"/> (empty: writes this economy alone). Returns how many values.
    /// </summary>
    [Alias("WorldStore")]
    ValueTask<int> WorldStore(WorldJob job, WorldRow[] rows, string citation, Guid writeId, CancellationToken cancellationToken = default);
}
