namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Configuration section TradeGrid:Scenarios: how a scenario job checkpoints. After each wave of economies the job may
/// store its progress (the economies done and every aggregate's running sums) so that a job whose silo dies resumes
/// from there; storing it costs a serialisation of all of that, which for a job of a second was a quarter of its run.
/// A checkpoint is therefore stored after a wave only when <see cref="CheckpointSeconds"/> have passed since the job
/// started or since its last checkpoint: a resumed job redoes at most that much work (plus one wave), and its result
/// is bit-identical either way. 0 stores one after every wave.
/// </summary>
public sealed class ScenarioJobOptions
{
    public const string Section = "TradeGrid:Scenarios";

    public double CheckpointSeconds { get; set; } = 1.0;

    public TimeSpan CheckpointInterval => CheckpointSeconds >= 0 && double.IsFinite(CheckpointSeconds)
        ? TimeSpan.FromSeconds(CheckpointSeconds)
        : throw new ArgumentOutOfRangeException(nameof(CheckpointSeconds), CheckpointSeconds,
            "TradeGrid:Scenarios:CheckpointSeconds must be a number of seconds ≥ 0 (0: a checkpoint after every wave).");
}
