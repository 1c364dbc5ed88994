namespace TradeGrid.Data.Model;

/// <summary>An economy's identity: code, name, World Bank region and income group.</summary>
public sealed record EconomyInfo(string Code, string Name, string Region, string IncomeGroup, bool IsAggregate, string Iso2);
