namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>
/// The M4 competition's point-forecast measures (Makridakis, Spiliotis and Assimakopoulos 2020), non-seasonal:
/// sMAPE = mean over the horizon of 200·|y − ŷ|/(|y| + |ŷ|) (0 where both are 0); MASE = mean |y − ŷ| divided by
/// the in-sample mean absolute first difference; OWA = ½(sMAPE/sMAPE_naive + MASE/MASE_naive) from the collection
/// means (for annual data M4's Naive2 is the naive method).
/// </summary>
internal static class Scoring
{
    public static double Smape(double[] actual, double[] forecast)
    {
        double sum = 0.0;
        for (int j = 0; j < actual.Length; j++)
        {
            double denominator = Math.Abs(actual[j]) + Math.Abs(forecast[j]);
            sum += denominator == 0.0 ? 0.0 : 200.0 * Math.Abs(actual[j] - forecast[j]) / denominator;
        }
        return sum / actual.Length;
    }

    public static double Mase(double[] actual, double[] forecast, double scale)
    {
        double sum = 0.0;
        for (int j = 0; j < actual.Length; j++)
        {
            sum += Math.Abs(actual[j] - forecast[j]);
        }
        return sum / actual.Length / scale;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
