using System.Reflection;

namespace TradeGrid.Data.Dataset;

/// <summary>
/// The default dataset embedded in this assembly from <c>data/default/</c> (built by <c>data/build/build.sh</c>):
/// PWT 9.1, WDI economy metadata, groups, and the seed documents' published figures.
/// </summary>
public static class DefaultDataset
{
    private const string Prefix = "TradeGrid.Default/";

    public static IReadOnlyList<DatasetFile> Files()
    {
        Assembly assembly = typeof(DefaultDataset).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new DatasetFile(n[Prefix.Length..], () => assembly.GetManifestResourceStream(n)
                ?? throw new InvalidOperationException($"embedded resource {n} vanished")))
            .ToList();
    }
}
