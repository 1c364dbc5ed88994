namespace TradeGrid.Bench.Forecast;

/// <summary>
/// R's totals for the two like-for-like comparisons: all 7 methods with the combination refitting ETS, ARIMA and Theta
/// (as holdout.R's combination does), and the six others plus the combination taken from their fits (holdout.R's
/// combination_from_fits), which is what TradeGrid does when the 7 jobs run at once and share the fits.
/// </summary>
internal sealed record Timings(double RefitElapsed, double RefitCpu, double SharedElapsed, double SharedCpu, string SharedCombination)
{
    public static Timings Of(ResultsReport.Inputs x)
    {
        (double Elapsed, double Cpu)[] all = x.TimedMethods.Select(m => x.RTiming[m]).ToArray();
        (double Elapsed, double Cpu)[] others = x.TimedMethods.Where(m => m != "combination").Select(m => x.RTiming[m]).ToArray();
        // An older holdout.R without the row: the combination's cost taken as nothing (averaging three vectors), said so.
        (double elapsed, double cpu) = x.RTiming.TryGetValue("combination_from_fits", out (double Elapsed, double Cpu) fromFits) ? fromFits : (0.0, 0.0);
        string label = x.RTiming.ContainsKey("combination_from_fits") ? "combination from their fits" : "combination taken as free (not measured)";
        return new Timings(all.Sum(t => t.Elapsed), all.Sum(t => t.Cpu), others.Sum(t => t.Elapsed) + elapsed, others.Sum(t => t.Cpu) + cpu, label);
    }
}
