namespace TradeGrid.Api.Hosting;

/// <summary>Configuration section TradeGrid:Import: the largest upload accepted, in bytes as sent, and in data rows.</summary>
public sealed class ImportLimits
{
    public const string Section = "TradeGrid:Import";

    public long MaxBytes { get; set; } = 1L << 30;

    public long MaxRows { get; set; } = 20_000_000;
}
