namespace TradeGrid.Api.Hosting;

/// <summary>
/// Turns the server's short switches into configuration keys: --grpc-port, --http-port, --host, --silo-port,
/// --gateway-port, --no-default-data, --allow-anonymous, --tls-cert PATH, --tls-key PATH, --data-dir PATH
/// (repeatable), --postgres CONNECTION (the PostgreSQL backend), --metrics-port N, --dashboard-port N and
/// --otlp-endpoint URL (observability). Anything else passes through unchanged.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--grpc-port"] = "TradeGrid:GrpcPort",
        ["--http-port"] = "TradeGrid:HttpPort",
        ["--host"] = "TradeGrid:Host",
        ["--silo-port"] = "TradeGrid:SiloPort",
        ["--gateway-port"] = "TradeGrid:GatewayPort",
        ["--tls-cert"] = "TradeGrid:Tls:CertificatePath",
        ["--tls-key"] = "TradeGrid:Tls:KeyPath",
        ["--postgres"] = "TradeGrid:Postgres",
        ["--cluster-id"] = "TradeGrid:Cluster:ClusterId",
        ["--advertise"] = "TradeGrid:Cluster:AdvertisedAddress",
        ["--metrics-port"] = "TradeGrid:Observability:MetricsPort",
        ["--dashboard-port"] = "TradeGrid:Observability:DashboardPort",
        ["--otlp-endpoint"] = "TradeGrid:Observability:OtlpEndpoint",
    };

    public static string[] ToConfigurationArgs(string[] args)
    {
        var result = new List<string>();
        int dataDirs = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            if (arg == "--no-default-data")
            {
                result.Add("--TradeGrid:LoadDefaultDataset=false");
            }
            else if (arg == "--allow-anonymous")
            {
                result.Add("--TradeGrid:Auth:AllowAnonymous=true");
            }
            else if (arg == "--data-dir" || Switches.ContainsKey(arg))
            {
                string value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value"));
                string key = arg == "--data-dir" ? $"TradeGrid:DataDirs:{dataDirs++}" : Switches[arg];
                result.Add($"--{key}={value}");
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return result.ToArray();
    }
}
