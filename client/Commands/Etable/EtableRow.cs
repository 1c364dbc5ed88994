namespace TradeGrid.Cli.Commands.Etable;

/// <summary>A row of the side-by-side table: its label and one cell per fit; <see cref="Leading"/> rows start a coefficient (an SE row follows).</summary>
internal sealed record EtableRow(string Label, string[] Cells, bool Leading);
