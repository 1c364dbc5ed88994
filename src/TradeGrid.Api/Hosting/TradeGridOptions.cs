namespace TradeGrid.Api.Hosting;

/// <summary>Configuration section TradeGrid: where to listen, which data to load at start.</summary>
public sealed class TradeGridOptions
{
    public const string Section = "TradeGrid";

    /// <summary>Address both endpoints bind to; loopback by default.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>gRPC over HTTP/2 cleartext. 0 picks a free port.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>JSON over HTTP/1.1 (gRPC JSON transcoding) and /healthz. 0 picks a free port.</summary>
    public int HttpPort { get; set; } = 5081;

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Load the dataset embedded in the server (PWT 9.1, WDI economies, published figures).</summary>
    public bool LoadDefaultDataset { get; set; } = true;

    /// <summary>Folders whose CSV files (plain or .gz, tidy or World Bank wide) are loaded at start.</summary>
    public List<string> DataDirs { get; set; } = [];
}
