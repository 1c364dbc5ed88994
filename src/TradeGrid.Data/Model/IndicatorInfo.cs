namespace TradeGrid.Data.Model;

/// <summary>What an indicator measures and in which unit.</summary>
public sealed record IndicatorInfo(string Code, string Name, string Unit, string Source, string Description);
