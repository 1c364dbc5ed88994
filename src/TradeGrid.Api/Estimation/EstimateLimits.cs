namespace TradeGrid.Api.Estimation;

/// <summary>Configuration section TradeGrid:Estimate: how large a fit the server takes (larger → ResourceExhausted).</summary>
public sealed class EstimateLimits
{
    public const string Section = "TradeGrid:Estimate";

    /// <summary>Rows in a sample, summed over economies.</summary>
    public int MaxRows { get; set; } = 20_000_000;

    /// <summary>Regressors of one model.</summary>
    public int MaxRegressors { get; set; } = 100;
}
