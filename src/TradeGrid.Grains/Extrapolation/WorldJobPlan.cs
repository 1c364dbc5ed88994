namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// A world job's plan: the validated request, a fingerprint of the request as sent (two calls under one id must agree
/// on it), and whether its outcome is kept after it ends (the caller named it: a request_id).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldJobPlan")]
public sealed record WorldJobPlan(
    [property: Id(0)] WorldSpec Spec,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] bool Keep);
