using System.Globalization;

namespace TradeGrid.Numerics.Tests.Support;

/// <summary>Real extracts in ../shared/data beside the repository (CI has them too): read there, never copied in.</summary>
public static class SharedData
{
    public static string Path(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"shared/data/{relative} not found above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository");
    }

    /// <summary>Every economy's series of one indicator from a tidy economy,indicator,year,value file, years ascending.</summary>
    public static IReadOnlyList<(string Economy, int[] Years, double[] Values)> Series(string file, string indicator) =>
        File.ReadLines(Path(file)).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 4 && f[1] == indicator && f[3].Length > 0)
            .GroupBy(f => f[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.Select(f => (Year: int.Parse(f[2], CultureInfo.InvariantCulture), Value: double.Parse(f[3], CultureInfo.InvariantCulture)))
                    .OrderBy(r => r.Year).ToArray();
                return (g.Key, rows.Select(r => r.Year).ToArray(), rows.Select(r => r.Value).ToArray());
            })
            .ToList();
}
