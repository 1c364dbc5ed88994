namespace TradeGrid.Numerics.Describe;

/// <summary>Argument checks shared by the describe and fill functions: violations are caller bugs, not data problems.</summary>
internal static class SeriesGuard
{
    public static void Years(int[] years, string name)
    {
        ArgumentNullException.ThrowIfNull(years, name);
        for (int i = 1; i < years.Length; i++)
        {
            if (years[i] <= years[i - 1])
            {
                throw new ArgumentException($"Years must be strictly ascending; {years[i - 1]} is followed by {years[i]}.", name);
            }
        }
    }

    public static void SameLength(int[] years, double[] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != years.Length)
        {
            throw new ArgumentException($"{name} has {values.Length} entries for {years.Length} years.", name);
        }
    }

    public static void SameLength(double[] first, double[] second, string name)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second, name);
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"{name} has {second.Length} entries, the series it pairs with {first.Length}.", name);
        }
    }

    /// <summary>Index of <paramref name="year"/> in <paramref name="years"/>, or −1.</summary>
    public static int IndexOf(int[] years, int year)
    {
        int i = Array.BinarySearch(years, year);
        return i >= 0 ? i : -1;
    }

    public static string Label(string economy) => string.IsNullOrWhiteSpace(economy) ? "the series" : economy;
}
