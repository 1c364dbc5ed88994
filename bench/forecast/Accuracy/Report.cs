using System.Globalization;
using System.Text;

namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>Per collection (and per series group within it): each method's sMAPE and MASE, mean and median, and OWA against naive.</summary>
internal static class Report
{
    public const string Naive = "naive";

    /// <summary>R's methods as named in the R script's output, then the mean of the first three (computed here).</summary>
    public static readonly string[] RMethods = ["R ets", "R auto.arima", "R thetaf", "R naive", "R rwf drift"];
    public const string RMean = "R mean(ets, auto.arima, thetaf)";

    public static string Build(
        IReadOnlyList<HoldoutCase> cases, IReadOnlyList<Dictionary<string, double[]?>> forecasts, IReadOnlyList<string> methods)
    {
        var text = new StringBuilder();
        foreach (IGrouping<string, int> collection in Enumerable.Range(0, cases.Count).GroupBy(i => cases[i].Collection))
        {
            int[] members = collection.ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {collection.Key}: {members.Length} series, h = {cases[members[0]].Test.Length}, origin {cases[members[0]].Origin}");
            text.AppendLine();
            Table(text, cases, forecasts, methods, members);
            foreach (IGrouping<string, int> group in members.GroupBy(i => cases[i].Group))
            {
                int[] ids = group.ToArray();
                string byMethod = string.Join("; ", methods.Select(m => string.Create(
                    CultureInfo.InvariantCulture, $"{m} {Mean(cases, forecasts, m, ids, smape: true):F2}/{Mean(cases, forecasts, m, ids, smape: false):F2}")));
                text.AppendLine(CultureInfo.InvariantCulture, $"{collection.Key} / {group.Key} ({ids.Length} series), mean sMAPE/mean MASE: {byMethod}");
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    private static void Table(StringBuilder text, IReadOnlyList<HoldoutCase> cases, IReadOnlyList<Dictionary<string, double[]?>> forecasts, IReadOnlyList<string> methods, int[] members)
    {
        double naiveSmape = Mean(cases, forecasts, Naive, members, smape: true);
        double naiveMase = Mean(cases, forecasts, Naive, members, smape: false);
        text.AppendLine("| method | mean sMAPE | median sMAPE | mean MASE | median MASE | OWA | naive in its place | positive series forecast ≤ 0 |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string method in methods)
        {
            var smape = new List<double>();
            var mase = new List<double>();
            int fallbacks = 0;
            int nonPositive = 0;
            foreach (int i in members)
            {
                double[] point = Point(cases[i], forecasts[i], method, ref fallbacks);
                if (cases[i].Train.All(v => v > 0) && point.Any(v => v <= 0))
                {
                    nonPositive++;
                }
                smape.Add(Scoring.Smape(cases[i].Test, point));
                mase.Add(Scoring.Mase(cases[i].Test, point, cases[i].Scale));
            }
            double owa = 0.5 * (smape.Average() / naiveSmape + mase.Average() / naiveMase);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {method} | {smape.Average():F3} | {Scoring.Median(smape):F3} | {mase.Average():F3} | {Scoring.Median(mase):F3} | {owa:F3} | {fallbacks} | {nonPositive} |");
        }
        text.AppendLine();
    }

    private static double Mean(IReadOnlyList<HoldoutCase> cases, IReadOnlyList<Dictionary<string, double[]?>> forecasts, string method, int[] members, bool smape)
    {
        int ignored = 0;
        return members.Average(i =>
        {
            double[] point = Point(cases[i], forecasts[i], method, ref ignored);
            return smape ? Scoring.Smape(cases[i].Test, point) : Scoring.Mase(cases[i].Test, point, cases[i].Scale);
        });
    }

    /// <summary>The method's forecast, or naive's (the last training value) when the method gave none.</summary>
    private static double[] Point(HoldoutCase c, Dictionary<string, double[]?> forecasts, string method, ref int fallbacks)
    {
        if (forecasts.TryGetValue(method, out double[]? point) && point is not null)
        {
            return point;
        }
        fallbacks++;
        return Enumerable.Repeat(c.Train[^1], c.Test.Length).ToArray();
    }
}
