namespace TradeGrid.Data.Tests.Support;

/// <summary>
/// Real extracts kept beside the repository in ../shared/data (CI has them too); read from there, never copied in.
/// </summary>
public static class SharedData
{
    public static string Path(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"shared/data/{relative} not found above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository");
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
