namespace TradeGrid.Numerics.Describe;

/// <summary>Which rate a published growth figure states.</summary>
public enum GrowthForm
{
    /// <summary>Compound annual rate ((L_to/L_from)^(1/years) − 1) × 100; over one year it is the year-on-year rate.</summary>
    Compound = 0,

    /// <summary>Total change over the period (L_to/L_from − 1) × 100 ("increased 58%").</summary>
    Total = 1,
}
