namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>A ForecastAll job's state. States: 1 running, 2 completed, 3 cancelled, 4 failed.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ForecastJobStatus")]
public sealed record ForecastJobStatus
{
    public const int Running = 1;
    public const int Completed = 2;
    public const int Cancelled = 3;
    public const int Failed = 4;

    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required int State { get; init; }

    /// <summary>Economies whose outcome is stored with the job (whole chunks).</summary>
    [Id(2)] public int Done { get; init; }
    [Id(3)] public required int Total { get; init; }
    [Id(4)] public required DateTimeOffset StartedAt { get; init; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the job failed or was cancelled.</summary>
    [Id(6)] public string Message { get; init; } = string.Empty;

    /// <summary>With store, once the job's write has reached its commit point: its receipt.</summary>
    [Id(7)] public ForecastJobWrite? Write { get; init; }

    [Id(8)] public required string Indicator { get; init; }
    [Id(9)] public required string Method { get; init; }

    public static ForecastJobStatus Of(ForecastJobPlan plan) => new()
    {
        JobId = plan.JobId,
        State = Running,
        Total = plan.Economies.Length,
        StartedAt = DateTimeOffset.UtcNow,
        Indicator = plan.Spec.Indicator,
        Method = plan.Spec.Method,
    };
}
