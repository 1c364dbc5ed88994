using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// A validated model: what every economy grain needs to build its own rows, and the coordinator to combine them.
/// Economies and partners are resolved codes, sorted; the gateway checked that they and the indicators exist.
/// Rows are (economy, year), or (reporter, partner, year) when <see cref="Partners"/> is not empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.DesignSpec")]
public sealed record DesignSpec
{
    public const string Intercept = "(Intercept)";

    [Id(0)] public required VariableSpec Dependent { get; init; }
    [Id(1)] public required VariableSpec[] Regressors { get; init; }

    /// <summary>Reporter economies, sorted; each one's grain builds its rows.</summary>
    [Id(2)] public required string[] Economies { get; init; }

    /// <summary>Partner economies, sorted; empty for unilateral rows.</summary>
    [Id(3)] public required string[] Partners { get; init; }

    /// <summary>First year, inclusive (0: open).</summary>
    [Id(4)] public required int From { get; init; }

    /// <summary>Last year, inclusive (0: open).</summary>
    [Id(5)] public required int To { get; init; }
    [Id(6)] public required EffectsKind Effects { get; init; }
    [Id(7)] public required EstimatorKind Estimator { get; init; }
    [Id(8)] public required CovarianceChoice Covariance { get; init; }
    [Id(9)] public required double ConfidenceLevel { get; init; }
    [Id(10)] public required bool DropCollinear { get; init; }
    [Id(11)] public required bool DropNonpositiveLog { get; init; }

    /// <summary>The preset the spec was built from, or empty.</summary>
    [Id(12)] public string Preset { get; init; } = string.Empty;

    /// <summary>
    /// A model of the effect-set language (a formula, or a list of effect sets): its rows are gathered by the
    /// coordinator and fitted by Numerics.Absorption; the enum <see cref="Effects"/> is then None.
    /// </summary>
    [Id(13)] public bool Absorbed { get; init; }

    /// <summary>Sets of effects absorbed (canonical: reporter, partner, year, pair, sympair joined by ^).</summary>
    [Id(14)] public string[] EffectSets { get; init; } = [];

    /// <summary>Clustering dimensions (one or two) for the cluster covariances of an absorbed model.</summary>
    [Id(15)] public string[] ClusterBy { get; init; } = [];

    /// <summary>The design's columns built from the regressors; empty: one column per regressor.</summary>
    [Id(16)] public TermSpec[] Terms { get; init; } = [];

    /// <summary>An absorbed model without effects: add a constant column.</summary>
    [Id(17)] public bool AddIntercept { get; init; }

    /// <summary>Bilateral samples: keep each reporter's row to itself (domestic flows).</summary>
    [Id(18)] public bool Domestic { get; init; }

    /// <summary>An absorbed model: keep rows alone in a group of an effect set.</summary>
    [Id(19)] public bool KeepSingletons { get; init; }

    /// <summary>The formula as the request gave it (display only), or empty.</summary>
    [Id(20)] public string Formula { get; init; } = string.Empty;

    /// <summary>An absorbed model: absorb the effects in the economy grains (per-group sums gathered each sweep) instead of gathering the rows.</summary>
    [Id(21)] public bool AbsorbInGrains { get; init; }

    public bool Bilateral => Partners.Length > 0;

    /// <summary>Pooled models get a constant column; any fixed effect absorbs it. Absorbed models add theirs in the coordinator.</summary>
    public bool HasIntercept => Effects == EffectsKind.None && !Absorbed;

    public bool EntityEffects => Effects is EffectsKind.Economy or EffectsKind.TwoWay or EffectsKind.Pair or EffectsKind.PairYear;

    public bool YearEffects => Effects is EffectsKind.Year or EffectsKind.TwoWay or EffectsKind.PairYear;

    /// <summary>Names of the columns an economy grain builds: the intercept (pooled only), then the regressors.</summary>
    public string[] ColumnNames() => (HasIntercept ? [Intercept] : Array.Empty<string>()).Concat(Regressors.Select(r => r.Name)).ToArray();

    /// <summary>Economies whose unilateral series partner-side regressors read.</summary>
    public string[] PartnerSources() => Regressors.Any(r => r.Side == SideKind.Partner) ? Partners : [];

    /// <summary>Every field that decides the fit, in a fixed order: equal text, equal fit on equal data.</summary>
    public string CanonicalText()
    {
        var text = new StringBuilder();
        text.Append(Estimator).Append(';').Append(Effects).Append(';').Append(Covariance).Append(';')
            .Append(ConfidenceLevel.ToString("R", CultureInfo.InvariantCulture)).Append(';')
            .Append(DropCollinear).Append(';').Append(DropNonpositiveLog).Append(';')
            .Append(From.ToString(CultureInfo.InvariantCulture)).Append(';').Append(To.ToString(CultureInfo.InvariantCulture)).Append(';');
        foreach (VariableSpec v in Regressors.Prepend(Dependent))
        {
            text.Append(v.Indicator).Append('/').Append(v.Transform).Append('/').Append(v.Lag.ToString(CultureInfo.InvariantCulture))
                .Append('/').Append(v.Side).Append(';');
        }
        text.Append(string.Join(",", Economies)).Append(';').Append(string.Join(",", Partners));
        if (Absorbed)
        {
            text.Append(";absorbed;").Append(string.Join("+", EffectSets)).Append(';').Append(string.Join("+", ClusterBy)).Append(';')
                .Append(AddIntercept).Append(';').Append(Domestic).Append(';').Append(KeepSingletons).Append(';')
                .Append(string.Join("+", Terms.Select(t => $"{t.Name}={string.Join("*", t.Variables.Zip(t.Powers, (v, p) => $"{v}^{p}"))}")));
            if (AbsorbInGrains)
            {
                // Only when set: the fits that gather their rows keep their ids (stored fits are found by them).
                text.Append(";in-grains");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// What an economy's rows depend on: the spec without the covariance, the confidence level, the collinearity
    /// option and where the effects are absorbed. Fits that differ only in those share the rows an economy built (and
    /// PPML's separated, prepared rows).
    /// </summary>
    public string RowsKey() => (this with
    {
        Covariance = default, ConfidenceLevel = 0.5, DropCollinear = false, Preset = string.Empty,
        EffectSets = [], ClusterBy = [], Terms = [], AddIntercept = false, KeepSingletons = false, Formula = string.Empty,
        AbsorbInGrains = false,
    }).FitId();

    /// <summary>
    /// What an absorbed fit's design (OLS: its rows with the effects projected out; PPML: its IRLS converged) depends on
    /// besides the data: the spec without the confidence level and the covariance kind (only whether it clusters, since
    /// the clusters are part of the sample), and for OLS without the collinearity option (its solve is not part of the
    /// design; PPML's IRLS drops or refuses by it). Fits with the same key can share one design.
    /// </summary>
    public string AbsorbedDesignKey() => (this with
    {
        Covariance = Covariance.IsCluster() ? CovarianceChoice.ClusterCr1 : CovarianceChoice.Classical, ConfidenceLevel = 0.5,
        DropCollinear = Estimator != EstimatorKind.Ols && DropCollinear, Preset = string.Empty, Formula = string.Empty,
    }).FitId();

    /// <summary>The fit's id: 16 hex digits of SHA-256 of the canonical text (the coordinator grain's key).</summary>
    public string FitId() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText())))[..16];
}
