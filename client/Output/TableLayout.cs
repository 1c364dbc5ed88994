namespace TradeGrid.Cli.Output;

/// <summary>
/// Column widths for a rounded table in a given number of terminal columns: every cell on one line when that fits;
/// else text columns narrowed, never below their longest word, so they wrap between words and a number or a code is
/// never split; null when even that does not fit (the caller lists the rows one record at a time).
/// </summary>
internal static class TableLayout
{
    /// <summary>Content widths per column of a rounded table, or null when the longest words alone are wider than <paramref name="width"/>.</summary>
    public static int[]? Widths(string[] headers, string[][] rows, int width) => Widths(headers, rows, width, RoundedRules(headers.Length));

    /// <summary>Columns a rounded table spends on its rules and padding: "│ " before each column, " " after, a last "│".</summary>
    public static int RoundedRules(int columns) => (3 * columns) + 1;

    /// <summary>Columns a compact table (<see cref="CompactTable"/>) spends between its columns: two spaces each.</summary>
    public static int CompactRules(int columns) => 2 * (columns - 1);

    /// <summary>Content widths per column when <paramref name="rules"/> columns go to rules and padding, or null when the longest words alone do not fit.</summary>
    public static int[]? Widths(string[] headers, string[][] rows, int width, int rules)
    {
        int[] widest = Measure(headers, rows, cell => cell.Length);
        int[] longestWord = Measure(headers, rows, cell => cell.Split(' ').Max(w => w.Length));
        int spare = width - rules - longestWord.Sum();
        if (spare < 0)
        {
            return null;
        }
        int wanted = widest.Sum() - longestWord.Sum();
        if (wanted <= spare)
        {
            return widest;
        }
        // Give the spare columns to the text columns in proportion to what each would take beyond its longest word.
        var widths = new int[headers.Length];
        int given = 0;
        for (int i = 0; i < widths.Length; i++)
        {
            int extra = (int)((long)(widest[i] - longestWord[i]) * spare / wanted);
            widths[i] = longestWord[i] + extra;
            given += extra;
        }
        for (int i = 0; given < spare && i < widths.Length; i++)
        {
            if (widths[i] < widest[i])
            {
                widths[i]++;
                given++;
            }
        }
        return widths;
    }

    /// <summary>The text broken into lines of at most <paramref name="width"/> between words (a longer word keeps its own line).</summary>
    public static string Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }
        var lines = new List<string>();
        string line = string.Empty;
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    /// <summary>The table without the columns in which every row is empty; all of them when there is no row.</summary>
    public static (string[] Headers, string[][] Rows) WithoutEmptyColumns(string[] headers, string[][] rows)
    {
        int[] kept = Enumerable.Range(0, headers.Length)
            .Where(i => rows.Length == 0 || rows.Any(r => i < r.Length && r[i].Length > 0)).ToArray();
        return kept.Length == headers.Length || kept.Length == 0
            ? (headers, rows)
            : (kept.Select(i => headers[i]).ToArray(), rows.Select(r => kept.Select(i => i < r.Length ? r[i] : string.Empty).ToArray()).ToArray());
    }

    /// <summary>Columns a table needs to show every cell on one line: each column's widest cell, a space either side, and the rules.</summary>
    public static int FullWidth(string[] headers, string[][] rows) => Measure(headers, rows, cell => cell.Length).Sum() + (3 * headers.Length) + 1;

    private static int[] Measure(string[] headers, string[][] rows, Func<string, int> size) =>
        headers.Select((h, i) => rows.Select(r => i < r.Length ? size(r[i]) : 0).Append(size(h)).Max()).ToArray();
}
