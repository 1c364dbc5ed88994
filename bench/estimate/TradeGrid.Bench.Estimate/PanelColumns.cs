namespace TradeGrid.Bench.Estimate;

/// <summary>
/// The panel as the reference scripts hold it after reading the CSV: one array per column (reporter, pair and year
/// labels as written, the five regressors, ln y, y), nothing derived. TradeGrid's "design from columns" timing starts
/// here, as R's formula → model frame → model matrix and statsmodels' design start from their data frames.
/// </summary>
internal sealed record PanelColumns(int[] Reporter, int[] Pair, int[] Year, double[][] X, double[] LogY, double[] Y)
{
    public int Rows => LogY.Length;

    public static PanelColumns From(BilateralPanel panel)
    {
        int n = panel.Rows;
        var x = new double[BilateralPanel.Names.Length][];
        for (int j = 0; j < x.Length; j++)
        {
            x[j] = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[j][i] = panel.X[i, j];
            }
        }

        return new PanelColumns((int[])panel.Reporter.Clone(), (int[])panel.Pair.Clone(), (int[])panel.Year.Clone(), x,
            (double[])panel.LogY.Clone(), (double[])panel.Y.Clone());
    }

    /// <summary>The row-major design of the regressor columns, with a leading column of ones when <paramref name="intercept"/>.</summary>
    public double[,] Design(bool intercept)
    {
        int offset = intercept ? 1 : 0;
        var design = new double[Rows, X.Length + offset];
        for (int i = 0; i < Rows; i++)
        {
            if (intercept)
            {
                design[i, 0] = 1.0;
            }

            for (int j = 0; j < X.Length; j++)
            {
                design[i, j + offset] = X[j][i];
            }
        }

        return design;
    }

    /// <summary>Labels numbered 0, 1, ... in order of first appearance (what R's factor() and pandas' codes give).</summary>
    public static int[] Dense(int[] labels)
    {
        var index = new Dictionary<int, int>();
        var dense = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!index.TryGetValue(labels[i], out int code))
            {
                code = index.Count;
                index.Add(labels[i], code);
            }

            dense[i] = code;
        }

        return dense;
    }

    /// <summary>The distinct years, ascending.</summary>
    public int[] Years() => new SortedSet<int>(Year).ToArray();
}
