namespace TradeGrid.Cli.Output;

/// <summary>
/// A table without its box, for rows a rounded table cannot fit: the header, a rule under each column, then the rows,
/// columns two spaces apart, text wrapped between words to the given widths (so no number or code is split), the lines
/// of a wrapped cell kept in its column.
/// </summary>
internal static class CompactTable
{
    public static void Write(TextWriter output, string[] headers, string[][] rows, int[] widths, string? title)
    {
        if (title is not null)
        {
            output.WriteLine(title);
        }
        WriteRow(output, headers, widths);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('─', w))));
        foreach (string[] row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        string[][] lines = widths.Select((w, i) => TableLayout.Wrap(i < cells.Length ? cells[i] : string.Empty, w).Split('\n')).ToArray();
        int height = lines.Max(l => l.Length);
        for (int line = 0; line < height; line++)
        {
            string text = string.Join("  ", widths.Select((w, i) => (line < lines[i].Length ? lines[i][line] : string.Empty).PadRight(w)));
            output.WriteLine(text.TrimEnd());
        }
    }
}
