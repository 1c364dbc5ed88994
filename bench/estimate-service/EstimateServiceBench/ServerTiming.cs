namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// One model through the server: the first call after the import (cold), the first fits of new specs (rows built in
/// the economies), the refits (rows reused, new fit id), a repeat served from cache, and the last fit's coefficients and SEs.
/// </summary>
internal sealed record ServerTiming(
    string Model,
    double ColdMs,
    double ColdCpuMs,
    Calls NewSpec,
    Calls Refit,
    double CachedMs,
    bool CachedFromCache,
    long Observations,
    int Clusters,
    int Iterations,
    double[] Coefficients,
    double[] StandardErrors);
