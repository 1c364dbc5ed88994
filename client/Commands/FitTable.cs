using System.Globalization;
using Spectre.Console;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary>
/// Prints a fit like R's summary(): one row per coefficient (estimate, SE, t, p, stars, CI), then N, K, G, R² or
/// deviance, F and Wald F, the fixed effects and covariance, rows dropped. CSV has the coefficient rows; JSON the whole response.
/// </summary>
internal static class FitTable
{
    public static void Write(OutputFormat format, FitResponse response)
    {
        ModelFit fit = response.Fit;
        string level = (fit.ConfidenceLevel * 100).ToString("0.##", CultureInfo.InvariantCulture);
        // The table is sized for an 80-column terminal; CSV keeps the full names and every digit.
        string[] headers = format == OutputFormat.Table
            ? ["term", "estimate", "std. error", "t", "p", "", $"{level}% CI low", "high"]
            : ["term", "estimate", "std_error", "t_value", "p_value", "signif", $"ci_lower_{level}", $"ci_upper_{level}"];
        IEnumerable<string[]> rows = fit.Coefficients.Select(c => new[]
        {
            c.Name,
            Format(c.Estimate, format),
            Format(c.StdError, format),
            Format(c.TValue, format),
            format == OutputFormat.Table ? c.PValue.ToString("G3", CultureInfo.InvariantCulture) : ResultWriter.Number(c.PValue),
            Stars(c.PValue),
            Format(c.CiLower, format),
            Format(c.CiUpper, format),
        });
        ResultWriter.Write(format, response, headers, rows, Title(fit));
        if (format != OutputFormat.Table)
        {
            return;
        }

        var stats = new Table { Border = TableBorder.Rounded, ShowHeaders = false };
        stats.AddColumn("statistic");
        stats.AddColumn(new TableColumn("value"));
        foreach ((string name, string value) in Statistics(fit))
        {
            stats.AddRow(Markup.Escape(name), Markup.Escape(value));
        }
        AnsiConsole.Write(stats);
        AnsiConsole.WriteLine("Signif. codes: *** p < 0.01, ** p < 0.05, * p < 0.1 (Student t with the df shown)");
    }

    private static string Title(ModelFit fit)
    {
        string model = fit.Spec.Estimator == Estimator.Ppml ? "PPML" : "OLS";
        string dependent = Name(fit.Spec.Dependent);
        string effects = fit.Effects.Count > 0 ? string.Join(" + ", fit.Effects.Select(e => e.Name))
            : fit.Spec.Formula.Length > 0 || fit.Spec.Effects.Count > 0 ? "none" : Enum(fit.Spec.FixedEffects);
        string what = fit.Spec.Formula.Length > 0 ? fit.Spec.Formula : $"{dependent}, fixed effects {effects}";
        return $"{model}: {what}, covariance {Enum(fit.Covariance)}" + (fit.FromCache ? " (from cache)" : string.Empty);
    }

    private static IEnumerable<(string, string)> Statistics(ModelFit fit)
    {
        yield return ("N", fit.Observations.ToString(CultureInfo.InvariantCulture));
        yield return ("K (reported) + absorbed", $"{fit.Parameters} + {fit.AbsorbedParameters}");
        yield return ("economies", fit.Economies.ToString(CultureInfo.InvariantCulture));
        if (fit.Clusters > 0)
        {
            yield return ("G (clusters, economies)", fit.Clusters.ToString(CultureInfo.InvariantCulture));
        }
        yield return ("df (t tests)", G(fit.Df));
        if (fit.Spec.Estimator == Estimator.Ppml)
        {
            yield return ("deviance", G(fit.Deviance));
            yield return ("pseudo R²", G(fit.PseudoRSquared));
            // Absorbed fits report no last change (their stopping rule is glm's, stated in the docs) but their projections' CG.
            yield return ("iterations", double.IsFinite(fit.LastChange)
                ? $"{fit.Iterations} (last change {G(fit.LastChange)})"
                : $"{fit.Iterations} (projections: at most {fit.ProjectionIterations} CG steps)");
        }
        else
        {
            yield return (fit.Spec.FixedEffects is FixedEffectsKind.None or FixedEffectsKind.Unspecified ? "R² / adjusted" : "within R² / adjusted",
                $"{G(fit.RSquared)} / {G(fit.AdjRSquared)}");
            yield return ("F", $"{G(fit.FStatistic)} on {G(fit.FDf1)} and {G(fit.FDf2)} df, p {G(fit.FPValue)}");
            yield return ("σ / RSS", $"{G(fit.Sigma)} / {G(fit.Rss)}");
        }
        yield return ("Wald F (this covariance)", $"{G(fit.WaldF)} on {G(fit.WaldDf1)} and {G(fit.WaldDf2)} df, p {G(fit.WaldPValue)}");
        yield return ("log-likelihood / AIC / BIC", $"{G(fit.LogLikelihood)} / {G(fit.Aic)} / {G(fit.Bic)}");
        foreach (FitEffect e in fit.Effects)
        {
            yield return ("fixed effects", $"{e.Name} ({e.Groups} groups)");
        }
        foreach (FitEffect c in fit.ClusterDimensions)
        {
            yield return ("clusters", $"{c.Name}: {c.Groups}");
        }
        if (fit.SmallSample.Length > 0)
        {
            yield return ("small-sample", fit.SmallSample);
        }
        if (fit.SingletonRows > 0)
        {
            yield return ("singletons dropped", $"{fit.SingletonRows} (e.g. {fit.SingletonExample})");
        }
        if (fit.SeparatedRows > 0)
        {
            yield return ("separated rows", $"{fit.SeparatedRows} (e.g. {fit.SeparatedExample})");
        }
        foreach (FitDroppedRows d in fit.DroppedRows)
        {
            yield return ("rows dropped", $"{d.Rows}: {d.Reason} (e.g. {d.Example})");
        }
        foreach (string note in fit.SeparationNotes)
        {
            yield return ("separation", note);
        }
        if (fit.DroppedColumns.Count > 0)
        {
            yield return ("columns dropped", string.Join(", ", fit.DroppedColumns));
        }
        yield return ("fit id", fit.FitId);
    }

    private static string Name(ModelVariable v) => v.Transform switch
    {
        VariableTransform.Log => $"log({v.Indicator})",
        VariableTransform.Log1P => $"log1p({v.Indicator})",
        _ => v.Indicator,
    };

    private static string Enum<T>(T value) where T : struct, System.Enum => value.ToString().ToLowerInvariant();

    private static string Stars(double p) => p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : string.Empty;

    private static string Format(double value, OutputFormat format) =>
        format == OutputFormat.Table ? value.ToString("G4", CultureInfo.InvariantCulture) : ResultWriter.Number(value);

    private static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
