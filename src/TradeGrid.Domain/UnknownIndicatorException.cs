namespace TradeGrid.Domain;

/// <summary>An indicator code that the catalogue does not know.</summary>
public sealed class UnknownIndicatorException(string message) : TradeGridException(message)
{
    /// <summary>The one wording of this error: "<paramref name="field"/>: unknown indicator '<paramref name="code"/>'; see ListIndicators".</summary>
    public static UnknownIndicatorException Of(string field, string code) =>
        new($"{field}: unknown indicator '{code}'; see ListIndicators (codes are case-sensitive)");
}
