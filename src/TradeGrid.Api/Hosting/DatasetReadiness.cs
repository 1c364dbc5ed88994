namespace TradeGrid.Api.Hosting;

/// <summary>Whether the start-up data has been loaded; health reports SERVING only once it has.</summary>
public sealed class DatasetReadiness
{
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    /// <summary>Completes with a one-line summary of what was loaded.</summary>
    public Task<string> WhenReady => _ready.Task;

    public void MarkReady(string summary) => _ready.TrySetResult(summary);

    public void MarkFailed(Exception exception)
    {
        Failure = exception.Message;
        _ready.TrySetException(exception);
    }
}
