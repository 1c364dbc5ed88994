namespace TradeGrid.Data.Dataset;

/// <summary>One file of a dataset: its name (for messages) and a way to open it.</summary>
public sealed record DatasetFile(string Name, Func<Stream> Open);
