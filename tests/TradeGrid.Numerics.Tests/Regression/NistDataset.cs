using System.Globalization;

namespace TradeGrid.Numerics.Tests.Regression;

/// <summary>
/// One NIST StRD linear regression file: the certified estimates and standard deviations (the lines "B0 estimate sd"),
/// the residual standard deviation, and the data (y, then the predictors), located by the header's "(lines a to b)".
/// </summary>
internal sealed record NistDataset(double[] Estimates, double[] StandardErrors, double ResidualStandardDeviation, double[] Y, double[][] Predictors)
{
    public static NistDataset Load(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "regression", "nist", name + ".dat"));
        (int certifiedFrom, int certifiedTo) = Range(lines, "Certified Values");
        (int dataFrom, int dataTo) = Range(lines, "Data  ");
        var estimates = new List<double>();
        var errors = new List<double>();
        double sigma = double.NaN;
        for (int i = certifiedFrom - 1; i < certifiedTo; i++)
        {
            string[] f = Fields(lines[i]);
            if (f.Length == 3 && f[0].StartsWith('B'))
            {
                estimates.Add(Number(f[1]));
                errors.Add(Number(f[2]));
            }
            else if (f.Length == 3 && f[0] == "Standard" && f[1] == "Deviation")
            {
                sigma = Number(f[2]);
            }
        }

        var y = new List<double>();
        var predictors = new List<double[]>();
        for (int i = dataFrom - 1; i < dataTo && i < lines.Length; i++)
        {
            string[] f = Fields(lines[i]);
            if (f.Length >= 2)
            {
                y.Add(Number(f[0]));
                predictors.Add(f.Skip(1).Select(Number).ToArray());
            }
        }

        return new NistDataset(estimates.ToArray(), errors.ToArray(), sigma, y.ToArray(), predictors.ToArray());
    }

    /// <summary>Columns: the intercept if asked, then x, x², …, x^degree of the one predictor (degree > 0), or every predictor as given (degree 0).</summary>
    public (double[,] X, string[] Names) Design(int degree, bool intercept)
    {
        int p = degree > 0 ? degree : Predictors[0].Length;
        int offset = intercept ? 1 : 0;
        var x = new double[Y.Length, p + offset];
        for (int i = 0; i < Y.Length; i++)
        {
            if (intercept)
            {
                x[i, 0] = 1.0;
            }

            for (int j = 0; j < p; j++)
            {
                // x^k rounded once from the decimal data (Math.Pow), as lm's I(x^k) does.
                x[i, offset + j] = degree > 0 ? Math.Pow(Predictors[i][0], j + 1) : Predictors[i][j];
            }
        }

        string[] names = Enumerable.Range(0, p + offset).Select(j => intercept && j == 0 ? "B0" : "B" + (j + 1 - offset).ToString(CultureInfo.InvariantCulture)).ToArray();
        return (x, names);
    }

    private static (int From, int To) Range(string[] lines, string label)
    {
        string line = lines.First(l => l.TrimStart().StartsWith(label.Trim(), StringComparison.Ordinal) && l.Contains("(lines", StringComparison.Ordinal));
        string[] f = line[(line.IndexOf("(lines", StringComparison.Ordinal) + 6)..].Trim(' ', ')').Split(" to ");
        return (int.Parse(f[0].Trim(), CultureInfo.InvariantCulture), int.Parse(f[1].Trim(), CultureInfo.InvariantCulture));
    }

    private static string[] Fields(string line) => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
