namespace TradeGrid.Domain;

/// <summary>An economy code that the catalogue does not know.</summary>
public sealed class UnknownEconomyException(string message) : TradeGridException(message)
{
    /// <summary>
    /// The one wording of this error: "<paramref name="field"/>: unknown economy <paramref name="codes"/>; <paramref name="remedy"/>"
    /// (no field prefix when <paramref name="field"/> is empty). <paramref name="codes"/> is quoted by the caller ('CHN').
    /// </summary>
    public static UnknownEconomyException Of(string field, string codes, string remedy = "see ListEconomies") =>
        new($"{(field.Length > 0 ? field + ": " : string.Empty)}unknown economy {codes}; {remedy}");
}
