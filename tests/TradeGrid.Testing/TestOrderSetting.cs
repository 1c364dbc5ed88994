namespace TradeGrid.Testing;

/// <summary>Reads <see cref="TestOrder"/> from <c>TRADEGRID_TEST_ORDER</c>.</summary>
public static class TestOrderSetting
{
    public const string Variable = "TRADEGRID_TEST_ORDER";

    public static TestOrder Current => Parse(Environment.GetEnvironmentVariable(Variable));

    public static TestOrder Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "default" => TestOrder.Default,
        "forward" => TestOrder.Forward,
        "reverse" => TestOrder.Reverse,
        // A typo must not silently run the default order and make a reverse run look green.
        _ => throw new InvalidOperationException($"{Variable}='{value}': expected default, forward or reverse"),
    };

    /// <summary>Sorts by the key in ordinal order, or its reverse; <see cref="TestOrder.Default"/> keeps the given order.</summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, string> key, TestOrder order) => order switch
    {
        TestOrder.Forward => items.OrderBy(key, StringComparer.Ordinal),
        TestOrder.Reverse => items.OrderByDescending(key, StringComparer.Ordinal),
        _ => items,
    };
}
