namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>A job's state as ListScenarios and GetScenario report it. States: 1 running, 2 completed, 3 cancelled, 4 failed.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioJobStatus")]
public sealed record ScenarioJobStatus
{
    public const int Running = 1;
    public const int Completed = 2;
    public const int Cancelled = 3;
    public const int Failed = 4;

    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required int State { get; init; }
    [Id(2)] public int Done { get; init; }
    [Id(3)] public int Total { get; init; }
    [Id(4)] public int Skipped { get; init; }
    [Id(5)] public required DateTimeOffset StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(7)] public required string FitId { get; init; }
    [Id(8)] public required ulong Seed { get; init; }
    [Id(9)] public required int Paths { get; init; }
    [Id(10)] public required int TargetYear { get; init; }
    [Id(11)] public required string Preset { get; init; }
    [Id(12)] public string Message { get; init; } = string.Empty;
    [Id(13)] public bool Stored { get; init; }

    /// <summary>
    /// For a failed job, the domain error that failed it (the exception's type name, e.g. InsufficientDataException),
    /// so that a stream following the job ends with that error's status; empty when a fault, not the data, failed it.
    /// </summary>
    [Id(14)] public string FailedWith { get; init; } = string.Empty;

    public static ScenarioJobStatus Of(ScenarioPlan plan) => new()
    {
        JobId = plan.JobId,
        State = Running,
        StartedAt = DateTimeOffset.UtcNow,
        FitId = plan.Model.FitId,
        Seed = plan.Seed,
        Paths = plan.Paths,
        TargetYear = plan.LastYear,
        Preset = plan.Preset,
        Total = plan.Units().Length,
    };
}
