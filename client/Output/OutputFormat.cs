namespace TradeGrid.Cli.Output;

/// <summary>How a command prints its answer: a table for people, CSV for spreadsheets, JSON (protobuf's JSON mapping) for programs.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,

    /// <summary>A Markdown table (pipe syntax).</summary>
    Markdown,

    /// <summary>A LaTeX tabular.</summary>
    Latex,
}
