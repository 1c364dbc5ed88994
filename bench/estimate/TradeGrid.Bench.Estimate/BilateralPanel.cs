namespace TradeGrid.Bench.Estimate;

/// <summary>
/// A generated bilateral panel, reporters × partners × years, one row per (reporter, partner, year), row-major x.
/// Regressors: the reporter's ln GDP, the partner's ln GDP, openness, internet use (each varying by economy and year),
/// and a bilateral time-varying cost. Pair effects correlated with the regressors, year effects, 3% zeros in y.
/// </summary>
internal sealed record BilateralPanel(
    int Reporters,
    int Partners,
    int Years,
    double[,] X,
    double[] LogY,
    double[] Y,
    int[] Reporter,
    int[] Pair,
    int[] Year)
{
    public static readonly string[] Names = ["ln_gdp_reporter", "ln_gdp_partner", "openness_partner", "internet_partner", "bilateral_cost"];

    /// <summary>True slopes of the generated model (OLS on logs and PPML share them).</summary>
    public static readonly double[] Slopes = [0.8, 0.6, 0.3, 0.01, -0.5];

    public int Rows => LogY.Length;

    public static BilateralPanel Generate(int reporters, int partners, int years, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        int economies = Math.Max(reporters, partners);
        var gdp = new double[economies, years];
        var openness = new double[economies, years];
        var internet = new double[economies, years];
        for (int e = 0; e < economies; e++)
        {
            double level = 8.0 + 2.0 * Normal();
            double open = Normal();
            double net = 20.0 + 30.0 * random.NextDouble();
            for (int t = 0; t < years; t++)
            {
                gdp[e, t] = level + 0.03 * t + 0.05 * Normal();
                openness[e, t] = open + 0.1 * Normal();
                internet[e, t] = Math.Min(100.0, net + 2.5 * t + 2.0 * Normal());
            }
        }

        var delta = Enumerable.Range(0, years).Select(t => 0.02 * t + 0.1 * Normal()).ToArray();
        int n = reporters * partners * years;
        var x = new double[n, 5];
        var logY = new double[n];
        var y = new double[n];
        var reporter = new int[n];
        var pair = new int[n];
        var year = new int[n];
        int i = 0;
        for (int r = 0; r < reporters; r++)
        {
            for (int p = 0; p < partners; p++)
            {
                double cost = Normal();
                // Pair effects correlated with the regressors: the within transformation matters.
                double alpha = -0.3 * (gdp[r, 0] + gdp[p, 0]) + 0.5 * cost + 0.5 * Normal();
                for (int t = 0; t < years; t++)
                {
                    double[] row = [gdp[r, t], gdp[p, t], openness[p, t], internet[p, t], cost + 0.1 * Normal()];
                    double eta = alpha + delta[t];
                    for (int j = 0; j < 5; j++)
                    {
                        x[i, j] = row[j];
                        eta += Slopes[j] * row[j];
                    }

                    logY[i] = eta + 0.5 * Normal();
                    y[i] = random.NextDouble() < 0.03 ? 0.0 : Math.Exp(eta + 0.5 * Normal() - 0.125);
                    reporter[i] = r;
                    pair[i] = r * partners + p;
                    year[i] = 2000 + t;
                    i++;
                }
            }
        }

        return new BilateralPanel(reporters, partners, years, x, logY, y, reporter, pair, year);
    }

    /// <summary>Writes the rows as CSV for the reference implementations (R, statsmodels), which time their fits after reading it.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("reporter,pair,year," + string.Join(',', Names) + ",lny,y");
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < Rows; i++)
        {
            line.Clear();
            line.Append(Reporter[i]).Append(',').Append(Pair[i]).Append(',').Append(Year[i]);
            for (int j = 0; j < 5; j++)
            {
                line.Append(',').Append(X[i, j].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            line.Append(',').Append(LogY[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            line.Append(',').Append(Y[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteLine(line);
        }
    }
}
