using System.Diagnostics;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Bench.Estimate;

/// <summary>
/// The three benchmark models through TradeGrid.Numerics alone:
/// OLS of ln y on the regressors and an intercept with CR1 errors clustered by reporter; two-way FE (pair + year) of
/// ln y with plm's cluster errors by pair; PPML of y with pair and year effects and CR0 errors by pair (ppmlhdfe's).
/// Two timers: the fit alone on a design built before the timer, or (<c>designFromColumns</c>) the design built from the
/// panel's columns inside the timer, as R and statsmodels build theirs from a data frame inside theirs.
/// </summary>
internal static class LibraryFits
{
    public static readonly string[] Models = ["ols_cluster", "fe_two_way", "ppml_pair_year"];

    public const string FitOnly = "TradeGrid, fit only";

    public const string FromColumns = "TradeGrid, design from columns";

    private const string FitOnlyTimer = "the fit on a design built before the timer (x matrix, dense pair and cluster ids)";

    private const string FromColumnsTimer =
        "building the design from the panel's columns (x matrix, intercept, dense pair and cluster ids, year list) and the fit";

    /// <summary>
    /// Times one model: the first call (JIT) apart, then <paramref name="runs"/> warm calls after two more untimed ones.
    /// <paramref name="clusterByReporter"/> clusters FE and PPML by reporter instead of by pair (the server's clusters are
    /// its economies, so bench/estimate-service compares with that).
    /// </summary>
    public static ModelResult Run(string model, BilateralPanel panel, int runs, bool clusterByReporter = false, bool designFromColumns = false)
    {
        Func<(double[] Beta, double[] Se)> fit = designFromColumns ? FromColumnsFit(model, PanelColumns.From(panel), clusterByReporter) : FitOnlyFit(model, panel, clusterByReporter);
        using Process process = Process.GetCurrentProcess();
        (double firstMs, double firstCpuMs, _, (double[] beta, double[] se)) = Timed(process, fit);

        // Two more untimed calls, so that the hot loops reach optimised code (tiered JIT) before the warm calls.
        fit();
        fit();
        var times = new double[runs];
        var cpu = new double[runs];
        long allocated = 0;
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            (times[r], cpu[r], allocated, (beta, se)) = Timed(process, fit);
        }

        return new ModelResult(designFromColumns ? FromColumns : FitOnly, model, designFromColumns ? FromColumnsTimer : FitOnlyTimer,
            firstMs, firstCpuMs, times, cpu, allocated / 1048576.0, "allocated per fit", beta, se);
    }

    private static (double Ms, double CpuMs, long Allocated, (double[], double[]) Fit) Timed(Process process, Func<(double[], double[])> fit)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        (double[], double[]) result = fit();
        double ms = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (ms, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - before, result);
    }

    private static Func<(double[], double[])> FitOnlyFit(string model, BilateralPanel panel, bool clusterByReporter)
    {
        int[]? clusters = clusterByReporter ? panel.Reporter : null;
        int[] years = Enumerable.Range(2000, panel.Years).ToArray();
        switch (model)
        {
            case "ols_cluster":
                double[,] x = PanelColumns.From(panel).Design(intercept: true);
                return () => Ols(x, panel.LogY, panel.Reporter);
            case "fe_two_way":
                return () => TwoWay(panel.X, panel.LogY, panel.Pair, panel.Year, years, clusters);
            case "ppml_pair_year":
                return () => Poisson(panel.X, panel.Y, panel.Pair, panel.Year, years, clusters);
            default:
                throw new ArgumentException($"Unknown model '{model}'.", nameof(model));
        }
    }

    private static Func<(double[], double[])> FromColumnsFit(string model, PanelColumns columns, bool clusterByReporter) => model switch
    {
        "ols_cluster" => () => Ols(columns.Design(intercept: true), columns.LogY, PanelColumns.Dense(columns.Reporter)),
        "fe_two_way" => () => TwoWay(columns.Design(intercept: false), columns.LogY, PanelColumns.Dense(columns.Pair), columns.Year, columns.Years(),
            clusterByReporter ? PanelColumns.Dense(columns.Reporter) : null),
        "ppml_pair_year" => () => Poisson(columns.Design(intercept: false), columns.Y, PanelColumns.Dense(columns.Pair), columns.Year, columns.Years(),
            clusterByReporter ? PanelColumns.Dense(columns.Reporter) : null),
        _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
    };

    private static (double[], double[]) Ols(double[,] x, double[] y, int[] clusters)
    {
        string[] names = ["(Intercept)", .. BilateralPanel.Names];
        OlsFit fit = TradeGrid.Numerics.Regression.Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0), clusters);
        return (fit.Coefficients[1..], fit.StandardErrors[1..]);
    }

    private static (double[], double[]) TwoWay(double[,] x, double[] y, int[] entity, int[] year, int[] years, int[]? clusters)
    {
        OlsFit fit = FixedEffects.Fit(x, y, BilateralPanel.Names, entity, year, new PanelSpec(true, years), new OlsOptions(CovarianceKind.ClusterCr1), clusters);
        return (fit.Coefficients, fit.StandardErrors);
    }

    private static (double[], double[]) Poisson(double[,] x, double[] y, int[] entity, int[] year, int[] years, int[]? clusters)
    {
        PoissonFit fit = Ppml.Fit(x, y, BilateralPanel.Names, entity, year, new PanelSpec(true, years), new PoissonOptions(CovarianceKind.ClusterCr0), clusters);
        return (fit.Coefficients, fit.StandardErrors);
    }
}
