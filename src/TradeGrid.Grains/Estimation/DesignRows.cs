using System.Globalization;
using System.Runtime.InteropServices;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// Builds an economy's rows of a design from its series: (year) rows for unilateral models, (partner, year) rows for
/// bilateral ones, where partner-side variables read the partner series the coordinator gathered. A row enters when
/// the dependent and every regressor have a value; a log of a value ≤ 0 is refused (naming economy and year) unless
/// the spec drops such rows.
/// </summary>
internal static class DesignRows
{
    public const string MissingReason = "a variable has no value in that year (or at its lag)";
    public const string NonpositiveReason = "log of a value ≤ 0 (drop_nonpositive_log)";

    public static DesignBlock Build(string economy, IReadOnlyDictionary<string, SeriesRecord> series, DesignSpec spec, IReadOnlyList<PartnerSeries> partners)
    {
        VariableSpec[] regressors = spec.Regressors;
        // Partner-side regressors: evaluated once per partner and year for every economy of the request.
        PartnerValues? partnerValues = spec.Bilateral && regressors.Any(r => r.Side == SideKind.Partner) ? PartnerValues.For(spec, partners) : null;

        bool intercept = spec.HasIntercept;
        int k = regressors.Length + (intercept ? 1 : 0);
        string[] pairs = spec.Bilateral ? spec.Partners : [string.Empty];
        // Each pair's dependent first, so that the arrays are sized once for at most every year of every dependent.
        var dependents = new SeriesRecord?[pairs.Length];
        int capacity = 0;
        for (int p = 0; p < pairs.Length; p++)
        {
            if (!spec.Bilateral || pairs[p] != economy || spec.Domestic)
            {
                dependents[p] = SeriesSums.Find(series, spec.Dependent.Indicator, pairs[p]);
                capacity += dependents[p]?.Years.Length ?? 0;
            }
        }

        // The rows written in place, into arrays trimmed at the end only when some years gave no row.
        var x = new double[capacity, k];
        var y = new double[capacity];
        var entity = new int[capacity];
        var year = new int[capacity];
        int rows = 0;
        int first = intercept ? 1 : 0;
        int missing = 0;
        string missingExample = string.Empty;
        int nonpositive = 0;
        string nonpositiveExample = string.Empty;
        // An own-side regressor reads the same series in every partner's rows: evaluated once per year.
        YearValues?[] own = regressors
            .Select(r => r.Side == SideKind.Reporter ? new YearValues(SeriesSums.Find(series, r.Indicator, string.Empty), r) : null)
            .ToArray();
        // Per pair: each regressor's values by year (own-side and partner-side), else its series (pair-side).
        var tables = new YearValues?[regressors.Length];
        var sources = new SeriesRecord?[regressors.Length];
        bool direct = spec.Dependent.Lag == 0 && spec.Dependent.Transform != TransformKind.Difference;
        for (int p = 0; p < pairs.Length; p++)
        {
            string partner = pairs[p];
            if (dependents[p] is not { } dependent)
            {
                continue;
            }

            for (int j = 0; j < sources.Length; j++)
            {
                tables[j] = own[j] ?? partnerValues?.Of(j, p);
                sources[j] = tables[j] is null ? Source(regressors[j], partner, series) : null;
            }

            for (int i = 0; i < dependent.Years.Length; i++)
            {
                int t = dependent.Years[i];
                if ((spec.From != 0 && t < spec.From) || (spec.To != 0 && t > spec.To))
                {
                    continue;
                }

                // The dependent is read in its own years: without a lag or a difference, its value at t is the i-th.
                VariableValue dv = direct ? VariableValues.Of(dependent.Values[i], spec.Dependent.Transform) : VariableValues.Evaluate(dependent, spec.Dependent, t);
                bool complete = dv.Present;
                // The first variable whose log is not defined here (null: none) and its value, for the message.
                VariableSpec? logProblem = dv.Present && !dv.LogValid ? spec.Dependent : null;
                double logRaw = dv.Raw;
                Span<double> row = k == 0 ? default : MemoryMarshal.CreateSpan(ref x[rows, 0], k);
                for (int j = 0; j < regressors.Length && complete; j++)
                {
                    VariableValue v = tables[j] is { } table ? table.At(t) : VariableValues.Evaluate(sources[j], regressors[j], t);
                    complete = v.Present;
                    row[first + j] = v.Transformed;
                    if (v.Present && !v.LogValid && logProblem is null)
                    {
                        (logProblem, logRaw) = (regressors[j], v.Raw);
                    }
                }

                if (!complete)
                {
                    missing++;
                    missingExample = missingExample.Length == 0 ? Where(economy, partner, t) : missingExample;
                    continue;
                }

                if (logProblem is not null)
                {
                    if (!spec.DropNonpositiveLog)
                    {
                        throw new InvalidSpecException(
                            $"{logProblem.Name}: log of {logRaw.ToString("G6", CultureInfo.InvariantCulture)} ≤ 0 for {Where(economy, partner, t)}; "
                            + "set drop_nonpositive_log to drop such rows, use LOG1P, or narrow the sample.");
                    }

                    nonpositive++;
                    nonpositiveExample = nonpositiveExample.Length == 0 ? Where(economy, partner, t) : nonpositiveExample;
                    continue;
                }

                if (spec.Estimator == EstimatorKind.Ppml && dv.Transformed < 0.0)
                {
                    throw new InvalidSpecException(
                        $"{spec.Dependent.Name}: PPML needs a dependent ≥ 0, got {dv.Transformed.ToString("G6", CultureInfo.InvariantCulture)} for {Where(economy, partner, t)}; "
                        + "narrow the sample or use OLS.");
                }

                if (intercept)
                {
                    row[0] = 1.0;
                }

                y[rows] = dv.Transformed;
                entity[rows] = spec.Effects is EffectsKind.Pair or EffectsKind.PairYear || spec.Absorbed ? p : 0;
                year[rows] = t;
                rows++;
            }
        }

        if (rows < capacity)
        {
            var trimmed = new double[rows, k];
            if (rows > 0)
            {
                MemoryMarshal.CreateSpan(ref x[0, 0], rows * k).CopyTo(MemoryMarshal.CreateSpan(ref trimmed[0, 0], trimmed.Length));
            }

            (x, y, entity, year) = (trimmed, y[..rows], entity[..rows], year[..rows]);
        }

        var drops = new List<DropNote>();
        if (missing > 0)
        {
            drops.Add(new DropNote(MissingReason, missing, missingExample));
        }

        if (nonpositive > 0)
        {
            drops.Add(new DropNote(NonpositiveReason, nonpositive, nonpositiveExample));
        }

        return new DesignBlock(x, y, entity, year, drops.ToArray());
    }

    /// <summary>A row's place in messages (built only for a message: a string per row would cost more than the row).</summary>
    private static string Where(string economy, string partner, int year) =>
        partner.Length == 0 ? $"{economy} {year}" : $"{economy}→{partner} {year}";

    /// <summary>
    /// A regressor's series when it has no table: pair-side ones; a partner-side one only in a unilateral sample,
    /// where a row has no partner and so no value.
    /// </summary>
    private static SeriesRecord? Source(VariableSpec variable, string partner, IReadOnlyDictionary<string, SeriesRecord> own) => variable.Side switch
    {
        SideKind.Pair => SeriesSums.Find(own, variable.Indicator, partner),
        SideKind.Partner => null,
        _ => SeriesSums.Find(own, variable.Indicator, string.Empty),
    };
}
