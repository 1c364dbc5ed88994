namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>The repository this bench runs in: the first folder above the working directory (or the binary) holding TradeGrid.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TradeGrid.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository (TradeGrid.sln not found above the working directory or the binary).");
    }
}
