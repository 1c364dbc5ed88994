namespace TradeGrid.Domain;

/// <summary>A job id that no job on this cluster has (running jobs and unstored results live in memory: a restart forgets them).</summary>
public sealed class JobNotFoundException(string jobId)
    : TradeGridException($"job_id: no scenario job '{jobId}' on this cluster; see ListScenarios");
