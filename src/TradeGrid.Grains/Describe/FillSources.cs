using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Numerics.Fill;

namespace TradeGrid.Grains.Describe;

/// <summary>The source text stored on filled values: it names the method and, when one was used, the proxy.</summary>
public static class FillSources
{
    public const string Prefix = "TradeGrid fill: ";

    public static string Of(FillMethod method, string proxy) => Prefix + method switch
    {
        FillMethod.ProxyChain => $"growth of {proxy}, chained from the nearer known year",
        FillMethod.ProxySpread => $"growth of {proxy}, discrepancy spread geometrically between known years",
        FillMethod.ProxyExtrapolation => $"growth of {proxy} beyond the known years",
        FillMethod.Linear => "linear interpolation",
        FillMethod.LogLinear => "log-linear interpolation",
        FillMethod.CagrExtrapolation => "CAGR of the two known years nearest the end",
        _ => method.ToString(),
    };

    public static string Describe(FillSpec spec)
    {
        string between = spec.Kind switch
        {
            FillKind.ProxyChain => $"growth of {spec.Proxy} (chain)",
            FillKind.ProxySpread => $"growth of {spec.Proxy} (spread)",
            FillKind.Linear => "linear interpolation",
            _ => "log-linear interpolation",
        };
        string ends = spec.Kind is FillKind.ProxyChain or FillKind.ProxySpread ? string.Empty : spec.Ends switch
        {
            FillEnds.Proxy => $"; ends by the growth of {spec.Proxy}",
            FillEnds.LastCagr => "; ends by the last CAGR",
            _ => "; ends not filled",
        };
        return Prefix + between + ends;
    }
}
