using System.Text;

namespace TradeGrid.Cli.Commands.Etable;

/// <summary>
/// Renders an <see cref="EtableModel"/> as plain text within a width (fits that do not fit go to a further panel that
/// repeats the row labels: a cell is never split), CSV, Markdown or LaTeX.
/// </summary>
internal static class EtableText
{
    private const string Gap = "  ";

    public static string Plain(EtableModel model, int width)
    {
        EtableRow[] rows = Rows(model);
        int labelWidth = rows.Select(r => r.Label.Length).Append(0).Max();
        int[] cellWidths = Enumerable.Range(0, model.Headers.Length)
            .Select(j => rows.Select(r => r.Cells[j].Length).Append(model.Headers[j].Length).Append(model.Dependents[j].Length).Max()).ToArray();
        var text = new StringBuilder();
        int start = 0;
        while (start < model.Headers.Length)
        {
            // As many fits as fit beside the labels; at least one, so a very narrow width still prints every cell whole.
            int end = start;
            int used = labelWidth;
            while (end < model.Headers.Length && (end == start || used + Gap.Length + cellWidths[end] <= width))
            {
                used += Gap.Length + cellWidths[end];
                end++;
            }

            int[] panel = Enumerable.Range(start, end - start).ToArray();
            int total = labelWidth + panel.Sum(j => Gap.Length + cellWidths[j]);
            string rule = new('-', Math.Min(total, Math.Max(width, labelWidth)));
            text.AppendLine(Line(string.Empty, panel.Select(j => model.Headers[j]), labelWidth, panel, cellWidths));
            text.AppendLine(Line("Dependent", panel.Select(j => model.Dependents[j]), labelWidth, panel, cellWidths));
            text.AppendLine(rule);
            foreach (EtableRow[] block in new[] { model.Coefficients, model.Effects, model.Statistics })
            {
                if (block.Length == 0)
                {
                    continue;
                }

                foreach (EtableRow row in block)
                {
                    text.AppendLine(Line(row.Label, panel.Select(j => row.Cells[j]), labelWidth, panel, cellWidths));
                }

                text.AppendLine(rule);
            }

            start = end;
            if (start < model.Headers.Length)
            {
                text.AppendLine();
            }
        }

        foreach (string line in Wrap(EtableModel.Note, width))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>Words of a note in lines of at most <paramref name="width"/> characters (a longer word gets its own line).</summary>
    private static IEnumerable<string> Wrap(string note, int width)
    {
        var line = new StringBuilder();
        foreach (string word in note.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    public static string Csv(EtableModel model)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", model.Headers.Select(Quote).Prepend(string.Empty)));
        text.AppendLine(string.Join(",", model.Dependents.Select(Quote).Prepend("Dependent")));
        foreach (EtableRow row in Rows(model))
        {
            text.AppendLine(string.Join(",", row.Cells.Select(Quote).Prepend(Quote(row.Label))));
        }

        return text.ToString();
    }

    public static string Markdown(EtableModel model)
    {
        var text = new StringBuilder();
        text.AppendLine("| | " + string.Join(" | ", model.Headers) + " |");
        text.AppendLine("|---|" + string.Concat(model.Headers.Select(_ => "---:|")));
        text.AppendLine("| Dependent | " + string.Join(" | ", model.Dependents.Select(Pipe)) + " |");
        foreach (EtableRow row in Rows(model))
        {
            text.AppendLine($"| {Pipe(row.Label)} | " + string.Join(" | ", row.Cells.Select(Pipe)) + " |");
        }

        text.AppendLine();
        text.AppendLine(EtableModel.Note);
        return text.ToString();
    }

    public static string Latex(EtableModel model)
    {
        var text = new StringBuilder();
        text.AppendLine(@"\begin{tabular}{l" + new string('c', model.Headers.Length) + "}");
        text.AppendLine(@"\hline");
        text.AppendLine(" & " + string.Join(" & ", model.Headers) + @" \\");
        text.AppendLine("Dependent & " + string.Join(" & ", model.Dependents.Select(Tex)) + @" \\");
        foreach (EtableRow[] block in new[] { model.Coefficients, model.Effects, model.Statistics })
        {
            if (block.Length == 0)
            {
                continue;
            }

            text.AppendLine(@"\hline");
            foreach (EtableRow row in block)
            {
                text.AppendLine(Tex(row.Label) + " & " + string.Join(" & ", row.Cells.Select(Tex)) + @" \\");
            }
        }

        text.AppendLine(@"\hline");
        text.AppendLine(@"\multicolumn{" + (model.Headers.Length + 1) + "}{l}{" + Tex(EtableModel.Note) + "}");
        text.AppendLine(@"\end{tabular}");
        return text.ToString();
    }

    private static EtableRow[] Rows(EtableModel model) => [.. model.Coefficients, .. model.Effects, .. model.Statistics];

    private static string Line(string label, IEnumerable<string> cells, int labelWidth, int[] panel, int[] widths)
    {
        var line = new StringBuilder(label.PadRight(labelWidth));
        int i = 0;
        foreach (string cell in cells)
        {
            line.Append(Gap).Append(cell.PadLeft(widths[panel[i++]]));
        }

        return line.ToString().TrimEnd();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Pipe(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Tex(string cell) => cell
        .Replace("\\", @"\textbackslash{}", StringComparison.Ordinal)
        .Replace("&", @"\&", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal).Replace("#", @"\#", StringComparison.Ordinal)
        .Replace("^", @"\^{}", StringComparison.Ordinal).Replace("²", "$^2$", StringComparison.Ordinal)
        .Replace("*", "$^{*}$", StringComparison.Ordinal).Replace("×", "$\\times$", StringComparison.Ordinal)
        .Replace("–", "--", StringComparison.Ordinal);
}
