using System.IO.Compression;
using System.Text;

namespace TradeGrid.Api.Tests.Support;

/// <summary>The real extracts of ../shared/data read as tidy lines (economy,indicator,year,value[,partner]), for imports at test time.</summary>
public static class SharedData
{
    /// <summary>The lines of a ../shared/data file, header included, gunzipped when its name ends in .gz.</summary>
    public static IEnumerable<string> Lines(string file)
    {
        string path = RepoFiles.Shared(file);
        using Stream stream = File.OpenRead(path);
        using Stream text = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>A tidy CSV of the four-field lines of <paramref name="files"/> that <paramref name="keep"/> accepts.</summary>
    public static string TidyCsv(IEnumerable<string> files, Func<string[], bool> keep)
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (string file in files)
        {
            foreach (string line in Lines(file))
            {
                string[] fields = line.Split(',');
                if (fields.Length == 4 && keep(fields))
                {
                    csv.Append(line).Append('\n');
                }
            }
        }

        return csv.ToString();
    }
}
