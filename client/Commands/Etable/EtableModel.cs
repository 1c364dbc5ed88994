using System.Globalization;
using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Etable;

/// <summary>
/// The cells of a side-by-side table, format-independent: a header per fit, a block of coefficient rows (estimate with
/// stars, then the SE in parentheses), a block of fixed-effects rows (Yes/No per set) and a block of statistics.
/// </summary>
internal sealed record EtableModel(string[] Headers, string[] Dependents, EtableRow[] Coefficients, EtableRow[] Effects, EtableRow[] Statistics)
{
    public const string Note = "Standard errors in parentheses; * p < 0.1, ** p < 0.05, *** p < 0.01 (t with the fit's df).";

    public static EtableModel From(IReadOnlyList<ModelFit> fits)
    {
        string[] names = fits.SelectMany(f => f.Coefficients.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var coefficients = new List<EtableRow>();
        foreach (string name in names)
        {
            FitCoefficient?[] cells = fits.Select(f => f.Coefficients.FirstOrDefault(c => c.Name == name)).ToArray();
            coefficients.Add(new EtableRow(name, cells.Select(c => c is null ? string.Empty : Significant.Format(c.Estimate) + Stars(c.PValue)).ToArray(), true));
            coefficients.Add(new EtableRow(string.Empty, cells.Select(c => c is null ? string.Empty : $"({Significant.Format(c.StdError)})").ToArray(), false));
        }

        string[][] sets = fits.Select(EffectSets).ToArray();
        EtableRow[] effects = sets.SelectMany(s => s).Distinct(StringComparer.Ordinal)
            .Select(set => new EtableRow(set, sets.Select(s => s.Contains(set) ? "Yes" : "No").ToArray(), true)).ToArray();
        var statistics = new List<EtableRow>
        {
            Row("Estimator", fits, f => f.Spec.Estimator == Estimator.Ppml ? "PPML" : "OLS"),
            Row("N", fits, f => f.Observations.ToString("N0", CultureInfo.InvariantCulture)),
            Row("Clusters", fits, f => f.ClusterDimensions.Count > 0
                ? string.Join(" × ", f.ClusterDimensions.Select(c => $"{c.Groups.ToString(CultureInfo.InvariantCulture)} {c.Name}"))
                : f.Clusters > 0 ? $"{f.Clusters.ToString(CultureInfo.InvariantCulture)} reporter" : "–"),
            Row("R²", fits, f => Statistic(f.RSquared)),
            Row("Within R²", fits, f => Statistic(f.WithinRSquared)),
            Row("Pseudo R²", fits, f => Statistic(f.PseudoRSquared)),
            Row("Mean of dep.", fits, f => Statistic(f.DependentMean)),
            Row("Covariance", fits, f => Covariance(f)),
            Row("Singletons", fits, f => f.SingletonRows > 0 ? f.SingletonRows.ToString(CultureInfo.InvariantCulture) : "0"),
            Row("Separated", fits, f => f.SeparatedRows.ToString(CultureInfo.InvariantCulture)),
        };
        statistics.RemoveAll(r => r.Cells.All(c => c == "–"));
        return new EtableModel(
            fits.Select((_, i) => $"({(i + 1).ToString(CultureInfo.InvariantCulture)})").ToArray(),
            fits.Select(Dependent).ToArray(),
            coefficients.ToArray(),
            effects,
            statistics.ToArray());
    }

    private static string[] EffectSets(ModelFit f) =>
        f.Effects.Count > 0 ? f.Effects.Select(e => e.Name).ToArray() : f.Spec.FixedEffects switch
        {
            FixedEffectsKind.Economy => ["reporter"],
            FixedEffectsKind.Year => ["year"],
            FixedEffectsKind.TwoWay => ["reporter", "year"],
            FixedEffectsKind.Pair => ["pair"],
            FixedEffectsKind.PairYear => ["pair", "year"],
            _ => [],
        };

    private static string Dependent(ModelFit f)
    {
        if (f.Spec.Formula.Length > 0)
        {
            return f.Spec.Formula.Split('~')[0].Trim();
        }

        ModelVariable v = f.Spec.Dependent;
        return v.Transform switch
        {
            VariableTransform.Log => $"log({v.Indicator})",
            VariableTransform.Log1P => $"log1p({v.Indicator})",
            _ => v.Indicator,
        };
    }

    private static string Covariance(ModelFit f)
    {
        string by = f.ClusterDimensions.Count > 0 ? string.Join(" & ", f.ClusterDimensions.Select(c => c.Name)) : "reporter";
        return f.Covariance switch
        {
            CovarianceType.Classical => "iid",
            CovarianceType.Hc0 => "HC0",
            CovarianceType.Hc1 => "HC1",
            CovarianceType.ClusterCr0 => $"CR0 by {by}",
            _ => $"CR1 by {by}",
        };
    }

    private static EtableRow Row(string label, IReadOnlyList<ModelFit> fits, Func<ModelFit, string> cell) => new(label, fits.Select(cell).ToArray(), true);

    private static string Statistic(double value) => double.IsFinite(value) && value != 0.0 ? Significant.Format(value) : "–";

    private static string Stars(double p) => p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : string.Empty;
}
