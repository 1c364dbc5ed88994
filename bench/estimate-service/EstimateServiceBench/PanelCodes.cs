namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// Economy and indicator codes of the imported panel. Reporters and partners get codes of their own (R000…, P000…),
/// so that every (reporter, partner) pair of the generated panel, r = p included, is a bilateral row the server builds
/// (it leaves out a partner equal to the reporter); partner p holds the same economy series as reporter p would.
/// </summary>
internal static class PanelCodes
{
    /// <summary>ln GDP of an economy (reporters: the reporter-side regressor; partners: the partner-side one).</summary>
    public const string LnGdp = "esb_ln_gdp";

    public const string Openness = "esb_openness";

    public const string Internet = "esb_internet";

    /// <summary>Bilateral (reporter → partner) time-varying cost.</summary>
    public const string BilateralCost = "esb_bilateral_cost";

    /// <summary>Bilateral ln y: the OLS and two-way FE dependent.</summary>
    public const string LogY = "esb_ln_y";

    /// <summary>Bilateral y (3% zeros): the PPML dependent.</summary>
    public const string Y = "esb_y";

    public static string Reporter(int index) => $"R{index:D3}";

    public static string Partner(int index) => $"P{index:D3}";
}
