namespace TradeGrid.Api.Estimation;

/// <summary>A token of a model formula: its text and the 1-based column where it starts (for error messages).</summary>
internal readonly record struct FormulaToken(string Text, int Column, bool IsName, bool IsNumber)
{
    public bool Is(string symbol) => !IsName && !IsNumber && Text == symbol;
}
