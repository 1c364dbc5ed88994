namespace TradeGrid.Api.Hosting;

/// <summary>
/// Configuration section TradeGrid:Limits: what one request may ask of the server. Each is refused with
/// ResourceExhausted (HTTP 413, or 429 for a busy server) and a message naming the limit and its setting.
/// Imports have their own section, TradeGrid:Import.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "TradeGrid:Limits";

    /// <summary>Largest JSON request body on the HTTP port, in bytes. Every JSON request is a specification, not data.</summary>
    public long MaxJsonBodyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// Largest panel: economies × years × indicators, an open year range counting from 1800 or to 2200. A panel
    /// streams, but each economy grain builds its part in memory at once.
    /// </summary>
    public long MaxPanelCells { get; set; } = 5_000_000;

    /// <summary>Long jobs (ForecastAll, EstimateWorld) running at once; one more is refused until one finishes.</summary>
    public int MaxConcurrentJobs { get; set; } = 4;

    /// <summary>Monte Carlo paths of one scenario; memory grows with paths × years per aggregate and per economy in flight.</summary>
    public int MaxScenarioPaths { get; set; } = 100_000;
}
