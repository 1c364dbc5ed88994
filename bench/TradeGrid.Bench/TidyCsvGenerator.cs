using System.Globalization;
using System.Text;

namespace TradeGrid.Bench;

/// <summary>
/// A tidy CSV (<c>economy,indicator,year,value</c>) of exactly the rows asked for: economy by economy, each
/// indicator's years 1960–2023 in order, as an extract from a statistical database comes.
/// </summary>
internal static class TidyCsvGenerator
{
    public const int FirstYear = 1960;
    public const int LastYear = 2023;
    public const int YearsPerSeries = LastYear - FirstYear + 1;

    /// <summary>Writes the file; returns its size in bytes.</summary>
    public static long Write(string path, IReadOnlyList<string> economies, IReadOnlyList<string> indicators, int rows)
    {
        if ((long)economies.Count * indicators.Count * YearsPerSeries < rows)
        {
            throw new ArgumentException($"{economies.Count} economies × {indicators.Count} indicators × {YearsPerSeries} years < {rows} rows");
        }
        // Fixed seed: every run uploads the same bytes.
        var random = new Random(20261122);
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
        {
            WriteRows(writer, economies, indicators, rows, random);
        }
        return new FileInfo(path).Length;
    }

    private static void WriteRows(StreamWriter writer, IReadOnlyList<string> economies, IReadOnlyList<string> indicators, int rows, Random random)
    {
        writer.WriteLine("economy,indicator,year,value");
        int written = 0;
        foreach (string economy in economies)
        {
            foreach (string indicator in indicators)
            {
                // A level and a growth rate per series, so values look like macro data (1e2–1e11, up to 10 significant digits).
                double level = Math.Pow(10, 2 + (random.NextDouble() * 9));
                double growth = 0.98 + (random.NextDouble() * 0.06);
                for (int year = FirstYear; year <= LastYear; year++)
                {
                    if (written == rows)
                    {
                        return;
                    }
                    level *= growth + ((random.NextDouble() - 0.5) * 0.02);
                    writer.Write(economy);
                    writer.Write(',');
                    writer.Write(indicator);
                    writer.Write(',');
                    writer.Write(year.ToString(CultureInfo.InvariantCulture));
                    writer.Write(',');
                    writer.WriteLine(level.ToString("G10", CultureInfo.InvariantCulture));
                    written++;
                }
            }
        }
    }
}
