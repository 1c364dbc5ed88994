using System.Globalization;
using System.Text;
using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The generated panel as the tidy CSV the server imports (<c>economy,indicator,year,value,partner</c>): each reporter's
/// ln GDP; each partner's ln GDP, openness and internet use; each pair's cost, ln y and y. Values are written in
/// shortest round-trip form, so the server reads back exactly the doubles the library fits.
/// </summary>
internal static class TidyPanelCsv
{
    /// <summary>The file's bytes (UTF-8) and its number of data rows.</summary>
    public static (byte[] Bytes, long Rows) Write(BilateralPanel panel)
    {
        using var stream = new MemoryStream();
        long rows = 0;
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("economy,indicator,year,value,partner\n");
            int years = panel.Years;
            int Row(int reporter, int partner, int t) => (reporter * panel.Partners + partner) * years + t;
            void Line(string economy, string indicator, int year, double value, string partner)
            {
                writer.Write(economy);
                writer.Write(',');
                writer.Write(indicator);
                writer.Write(',');
                writer.Write(year.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(partner);
                writer.Write('\n');
                rows++;
            }

            for (int r = 0; r < panel.Reporters; r++)
            {
                string reporter = PanelCodes.Reporter(r);
                for (int t = 0; t < years; t++)
                {
                    Line(reporter, PanelCodes.LnGdp, panel.Year[Row(r, 0, t)], panel.X[Row(r, 0, t), 0], string.Empty);
                }

                // In runs of one indicator, as files usually come (the server's reader pools a code equal to the last row's).
                foreach ((string indicator, Func<int, double> value) in Bilateral(panel))
                {
                    for (int p = 0; p < panel.Partners; p++)
                    {
                        string partner = PanelCodes.Partner(p);
                        for (int t = 0; t < years; t++)
                        {
                            int i = Row(r, p, t);
                            Line(reporter, indicator, panel.Year[i], value(i), partner);
                        }
                    }
                }
            }

            for (int p = 0; p < panel.Partners; p++)
            {
                string partner = PanelCodes.Partner(p);
                for (int t = 0; t < years; t++)
                {
                    int i = Row(0, p, t);
                    Line(partner, PanelCodes.LnGdp, panel.Year[i], panel.X[i, 1], string.Empty);
                    Line(partner, PanelCodes.Openness, panel.Year[i], panel.X[i, 2], string.Empty);
                    Line(partner, PanelCodes.Internet, panel.Year[i], panel.X[i, 3], string.Empty);
                }
            }
        }

        return (stream.ToArray(), rows);
    }

    private static (string Indicator, Func<int, double> Value)[] Bilateral(BilateralPanel panel) =>
    [
        (PanelCodes.BilateralCost, i => panel.X[i, 4]),
        (PanelCodes.LogY, i => panel.LogY[i]),
        (PanelCodes.Y, i => panel.Y[i]),
    ];
}
