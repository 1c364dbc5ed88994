using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The test's own rows of ln rgdpna on ln pop, ln hc and openness, built from GetPanel's series (not by the server's
/// row builder): a row per economy and year where all four have a value, economies numbered in code order.
/// </summary>
public sealed record PwtRows(double[,] X, double[] Y, double[] Level, int[] Entity, int[] Year, string[] Names)
{
    public static readonly string[] Indicators = ["rgdpna", "pop", "hc", "openness"];

    public int[] DistinctYears => Year.Distinct().Order().ToArray();

    public static PwtRows Build(PanelTable panel, int from, int to, bool intercept)
    {
        var rows = new List<double[]>();
        var y = new List<double>();
        var level = new List<double>();
        var entity = new List<int>();
        var year = new List<int>();
        string[] economies = panel.Economies.ToArray();
        for (int g = 0; g < economies.Length; g++)
        {
            string e = economies[g];
            foreach (int t in panel.Years(e, "rgdpna").Where(t => t >= from && t <= to))
            {
                if (panel.Value(e, "rgdpna", t) is not { } gdp || panel.Value(e, "pop", t) is not { } pop
                    || panel.Value(e, "hc", t) is not { } hc || panel.Value(e, "openness", t) is not { } openness)
                {
                    continue;
                }

                rows.Add(intercept ? [1.0, Math.Log(pop), Math.Log(hc), openness] : [Math.Log(pop), Math.Log(hc), openness]);
                y.Add(Math.Log(gdp));
                level.Add(gdp);
                entity.Add(g);
                year.Add(t);
            }
        }

        var x = new double[rows.Count, rows[0].Length];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < rows[i].Length; j++)
            {
                x[i, j] = rows[i][j];
            }
        }

        string[] names = ["log(pop)", "log(hc)", "openness"];
        return new PwtRows(x, y.ToArray(), level.ToArray(), entity.ToArray(), year.ToArray(), intercept ? ["(Intercept)", .. names] : names);
    }
}
