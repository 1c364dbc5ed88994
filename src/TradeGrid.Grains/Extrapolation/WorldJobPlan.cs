namespace TradeGrid.Grains.Extrapolation;

/// <summary>A world job's plan: the validated request, and a fingerprint of the request as sent (two calls under one id must agree on it).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldJobPlan")]
public sealed record WorldJobPlan(
    [property: Id(0)] WorldSpec Spec,
    [property: Id(1)] string Fingerprint);
