using Microsoft.Extensions.Configuration;
using TradeGrid.Grains.Cluster;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Reads <see cref="ClusterSettings"/>: <c>TradeGrid:Backend</c> and <c>TradeGrid:Postgres</c> (what users set),
/// then the tuning in <c>TradeGrid:Cluster</c>. Fails at start-up, naming the setting, when they do not agree.
/// </summary>
public static class ClusterSettingsReader
{
    public static ClusterSettings Read(IConfiguration configuration)
    {
        ClusterSettings settings = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        settings.Backend = configuration["TradeGrid:Backend"] ?? settings.Backend;
        settings.Postgres = configuration["TradeGrid:Postgres"] ?? settings.Postgres;
        settings.Resolve();
        return settings;
    }
}
