namespace TradeGrid.Data.Model;

/// <summary>One parsed value with its key; Partner is empty for unilateral series. Line is the 1-based source line.</summary>
public readonly record struct ObservationRow(
    string Economy, string Indicator, string Partner, int Year, double Value, Provenance Provenance, string Source, int Line);
