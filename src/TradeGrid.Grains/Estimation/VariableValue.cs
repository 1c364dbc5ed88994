namespace TradeGrid.Grains.Estimation;

/// <summary>
/// One variable's value in one year: present or not, transformed, the raw value it came from, and whether a log
/// transform was valid (raw &gt; 0 for log, &gt; −1 for log1p).
/// </summary>
internal readonly record struct VariableValue(bool Present, double Transformed, double Raw, bool LogValid);
