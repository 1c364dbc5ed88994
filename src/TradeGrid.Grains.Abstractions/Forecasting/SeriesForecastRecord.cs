using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// The Orleans-serializable twin of <see cref="ForecastResult"/> plus what the service adds: the series it belongs
/// to, the years (Years[i] = OriginYear + 1 + i), the training window, the holdout scores (method auto with a holdout, or rolling), the data
/// version it rests on, whether it came from the cache and how many values were stored.
/// Lower[level][step] and Upper[level][step] as in <see cref="ForecastResult"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeriesForecastRecord")]
public sealed record SeriesForecastRecord(
    [property: Id(0)] string Economy,
    [property: Id(1)] string Indicator,
    [property: Id(2)] string Partner,
    [property: Id(3)] string Method,
    [property: Id(4)] string Model,
    [property: Id(5)] string[] ParameterNames,
    [property: Id(6)] double[] Parameters,
    [property: Id(7)] int[] Years,
    [property: Id(8)] double[] Point,
    [property: Id(9)] double[] Levels,
    [property: Id(10)] double[][] Lower,
    [property: Id(11)] double[][] Upper,
    [property: Id(12)] double Sigma2,
    [property: Id(13)] double LogLikelihood,
    [property: Id(14)] double Aicc,
    [property: Id(15)] int Observations,
    [property: Id(16)] int FirstYear,
    [property: Id(17)] int OriginYear,
    [property: Id(18)] HoldoutScoreRecord[] Holdout,
    [property: Id(19)] string Criterion,
    [property: Id(20)] long DataVersion,
    [property: Id(21)] bool Cached,
    [property: Id(22)] int Stored,
    [property: Id(23)] bool LogScale)
{
    /// <summary>Wraps a Numerics result for the series fitted on [firstYear, originYear].</summary>
    public static SeriesForecastRecord From(
        string economy, ForecastSpec spec, ForecastResult result, HoldoutSelection? selection, int firstYear, int originYear, long dataVersion) =>
        new(economy, spec.Indicator, spec.Partner, result.Method, result.Model, result.ParameterNames, result.Parameters,
            Enumerable.Range(originYear + 1, result.Point.Length).ToArray(), result.Point, result.Levels, result.Lower, result.Upper,
            result.Sigma2, result.LogLikelihood, result.Aicc, result.Observations, firstYear, originYear,
            selection?.Scores.Select(HoldoutScoreRecord.From).ToArray() ?? [], selection?.Criterion ?? string.Empty,
            dataVersion, Cached: false, Stored: 0, spec.LogScale);
}
