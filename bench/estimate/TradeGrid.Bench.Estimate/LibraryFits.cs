using System.Diagnostics;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Bench.Estimate;

/// <summary>
/// The three benchmark models through TradeGrid.Numerics alone, on data already in memory:
/// OLS of ln y on the regressors and an intercept with CR1 errors clustered by reporter; two-way FE (pair + year) of
/// ln y with plm's cluster errors by pair; PPML of y with pair and year effects and CR0 errors by pair (ppmlhdfe's).
/// </summary>
internal static class LibraryFits
{
    public static readonly string[] Models = ["ols_cluster", "fe_two_way", "ppml_pair_year"];

    /// <summary>
    /// Times one model; <paramref name="clusterByReporter"/> clusters FE and PPML by reporter instead of by pair (the
    /// server's clusters are its economies, so bench/estimate-service compares with that).
    /// </summary>
    public static ModelResult Run(string model, BilateralPanel panel, int runs, bool clusterByReporter = false)
    {
        int[]? clusters = clusterByReporter ? panel.Reporter : null;
        Func<(double[] Beta, double[] Se)> fit = model switch
        {
            "ols_cluster" => Ols(panel),
            "fe_two_way" => TwoWay(panel, clusters),
            "ppml_pair_year" => Poisson(panel, clusters),
            _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
        };

        // Warm-up: JIT (three calls, so that the hot loops reach optimised code) and first touch of the data.
        (double[] beta, double[] se) = fit();
        fit();
        fit();
        var times = new double[runs];
        var cpu = new double[runs];
        long allocated = 0;
        using Process process = Process.GetCurrentProcess();
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            (beta, se) = fit();
            times[r] = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        return new ModelResult("TradeGrid", model, times, cpu, allocated / 1048576.0, "allocated per fit", beta, se);
    }

    private static Func<(double[], double[])> Ols(BilateralPanel panel)
    {
        int n = panel.Rows;
        var x = new double[n, 6];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 1.0;
            for (int j = 0; j < 5; j++)
            {
                x[i, j + 1] = panel.X[i, j];
            }
        }

        string[] names = ["(Intercept)", .. BilateralPanel.Names];
        var options = new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0);
        return () =>
        {
            OlsFit fit = TradeGrid.Numerics.Regression.Ols.Fit(x, panel.LogY, names, options, panel.Reporter);
            return (fit.Coefficients[1..], fit.StandardErrors[1..]);
        };
    }

    private static Func<(double[], double[])> TwoWay(BilateralPanel panel, int[]? clusters)
    {
        int[] years = Enumerable.Range(2000, panel.Years).ToArray();
        var spec = new PanelSpec(true, years);
        var options = new OlsOptions(CovarianceKind.ClusterCr1);
        return () =>
        {
            OlsFit fit = FixedEffects.Fit(panel.X, panel.LogY, BilateralPanel.Names, panel.Pair, panel.Year, spec, options, clusters);
            return (fit.Coefficients, fit.StandardErrors);
        };
    }

    private static Func<(double[], double[])> Poisson(BilateralPanel panel, int[]? clusters)
    {
        int[] years = Enumerable.Range(2000, panel.Years).ToArray();
        var spec = new PanelSpec(true, years);
        var options = new PoissonOptions(CovarianceKind.ClusterCr0);
        return () =>
        {
            PoissonFit fit = Ppml.Fit(panel.X, panel.Y, BilateralPanel.Names, panel.Pair, panel.Year, spec, options, clusters);
            return (fit.Coefficients, fit.StandardErrors);
        };
    }
}
