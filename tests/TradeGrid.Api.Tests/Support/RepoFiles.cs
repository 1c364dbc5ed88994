namespace TradeGrid.Api.Tests.Support;

/// <summary>Files of the repository (other test projects' fixtures) and of ../shared/data, found by walking up.</summary>
public static class RepoFiles
{
    public static string Root()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeGrid.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("TradeGrid.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A file of shared/data in the first folder above the repository that has one (a git worktree may sit deeper).</summary>
    public static string Shared(string relative)
    {
        for (DirectoryInfo? dir = new DirectoryInfo(Root()).Parent; dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"shared/data/{relative} not found above {Root()}; the tests expect ../shared beside the repository");
    }

    /// <summary>(economy, indicator, year) → value drawn by R from pwt9 (tests/TradeGrid.Data.Tests/fixtures/pwt_known_values.R).</summary>
    public static Dictionary<(string, string, int), double> PwtKnownValues() =>
        File.ReadAllLines(Path.Combine(Root(), "tests", "TradeGrid.Data.Tests", "fixtures", "pwt_known_values.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)),
                f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
}
