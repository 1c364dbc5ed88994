namespace TradeGrid.Domain;

/// <summary>A job id that no job of the kind asked for has on this cluster (running jobs and unstored results live in memory: a restart forgets them).</summary>
public sealed class JobNotFoundException(string jobId, string kind = "scenario", string list = "ListScenarios")
    : TradeGridException($"job_id: no {kind} job '{jobId}' on this cluster; see {list}");
