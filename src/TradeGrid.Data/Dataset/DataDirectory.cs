namespace TradeGrid.Data.Dataset;

/// <summary>The CSV files (plain or .gz) of a directory a user names with --data-dir, read at start-up.</summary>
public static class DataDirectory
{
    public static IReadOnlyList<DatasetFile> Files(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"data directory '{path}' ({Path.GetFullPath(path)}) does not exist; pass an existing folder to --data-dir");
        }
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new DatasetFile(Path.GetRelativePath(path, f), () => File.OpenRead(f)))
            .ToList();
    }
}
