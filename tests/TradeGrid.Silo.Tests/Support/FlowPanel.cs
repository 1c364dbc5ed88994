using System.Globalization;
using System.Text;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>
/// A generated bilateral panel of 200 reporters × 200 partners × 25 years (1,000,000 pair-years, 2,000,000 tidy rows:
/// a flow <c>fl_y</c> and a cost <c>fl_cost</c>), the same for every call (a fixed seed): flows follow a gravity model
/// with reporter, partner and pair terms, so the structural-gravity PPML fits it.
/// </summary>
public static class FlowPanel
{
    public const int Reporters = 200;

    public const int Partners = 200;

    public const int Years = 25;

    public const int FirstYear = 2000;

    public static string[] ReporterCodes => Enumerable.Range(0, Reporters).Select(r => $"R{r:D3}").ToArray();

    public static string[] PartnerCodes => Enumerable.Range(0, Partners).Select(p => $"P{p:D3}").ToArray();

    /// <summary>The panel as the tidy CSV an import reads (economy, indicator, year, value, partner).</summary>
    public static string Csv()
    {
        var random = new Random(20261203);
        double[] reporter = Enumerable.Range(0, Reporters).Select(_ => Normal(random)).ToArray();
        double[] partner = Enumerable.Range(0, Partners).Select(_ => Normal(random)).ToArray();
        var csv = new StringBuilder(64 << 20);
        csv.Append("economy,indicator,year,value,partner\n");
        var cost = new double[Years];
        for (int r = 0; r < Reporters; r++)
        {
            for (int p = 0; p < Partners; p++)
            {
                double pair = 0.5 * Normal(random);
                for (int t = 0; t < Years; t++)
                {
                    cost[t] = Math.Round(pair + Normal(random), 4);
                    double mean = Math.Exp(1 + (0.8 * reporter[r]) + (0.6 * partner[p]) - (0.7 * cost[t]) + (0.02 * t));
                    // A multiplicative error, and about 5% zero flows: a PPML sample, not a log-linear one.
                    double flow = random.NextDouble() < 0.05 ? 0.0 : Math.Round(mean * Math.Exp(0.3 * Normal(random)), 3);
                    Row(csv, r, p, t, "fl_y", flow);
                }

                for (int t = 0; t < Years; t++)
                {
                    Row(csv, r, p, t, "fl_cost", cost[t]);
                }
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, int r, int p, int t, string indicator, double value) =>
        csv.Append(CultureInfo.InvariantCulture, $"R{r:D3},{indicator},{FirstYear + t},{value},P{p:D3}\n");

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
