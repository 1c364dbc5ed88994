namespace TradeGrid.Bench.Forecast;

/// <summary>One method's holdout errors over the countries: mean and median sMAPE and MASE.</summary>
internal sealed record AccuracyRow(string Method, int Series, int Skipped, double MeanSmape, double MedianSmape, double MeanMase, double MedianMase)
{
    public static AccuracyRow Of(string method, IReadOnlyList<(double Smape, double Mase)> rows, int skipped) =>
        new(method, rows.Count, skipped, rows.Average(r => r.Smape), Median(rows.Select(r => r.Smape)), rows.Average(r => r.Mase), Median(rows.Select(r => r.Mase)));

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
