using System.Globalization;
using System.Text;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>
/// Candidate design on the validation collections only: combinations of the library's single methods, and
/// rolling-origin selection, computed from the components' point forecasts without a library class per variant.
/// Prints each variant's mean sMAPE, mean MASE and OWA per collection and whether it passes the gate against R's
/// six benchmarks (docs/forecasting-service.md, *Second choice*). Refuses a held-back collection.
/// </summary>
internal static class Design
{
    public static readonly string[] HeldBack = ["wdi2", "batis"];

    private static readonly string[] Singles = ["naive", "drift", "ets", "arima", "theta", "dotm", "etsdamped", "holtdamped", "ses", "ces"];

    /// <summary>Key of a method's in-sample one-step mean squared error in <see cref="Points"/>'s dictionary.</summary>
    private const string InSample = "mse:";

    private const int Origins = 3;

    /// <summary>The shortest first-origin training window for which rolling-origin selection is run.</summary>
    private const int MinimumSelectionWindow = 10;

    public static string Run(IReadOnlyList<HoldoutCase> cases, Dictionary<(string Id, string Method), double[]?> r)
    {
        if (cases.Any(c => HeldBack.Contains(c.Collection)))
        {
            throw new InvalidOperationException("design runs on the validation collections only.");
        }
        var full = new Dictionary<string, double[]>[cases.Count];
        var rolling = new Dictionary<string, double[]>[cases.Count][];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            HoldoutCase c = cases[i];
            full[i] = Points(c.Train, c.Test.Length);
            int h = c.Test.Length;
            int first = c.Train.Length - h - Origins + 1;
            rolling[i] = first >= MinimumSelectionWindow
                ? Enumerable.Range(1, Origins).Select(k => Points(c.Train.AsSpan(0, c.Train.Length - h - Origins + k).ToArray(), h)).ToArray()
                : [];
        });

        var variants = new Dictionary<string, Func<int, double[]>>(StringComparer.Ordinal);
        foreach (string s in Singles)
        {
            variants[s] = i => full[i][s];
        }
        var sets = new Dictionary<string, string[]>
        {
            ["ets,arima"] = ["ets", "arima"],
            ["ets,arima,theta"] = ["ets", "arima", "theta"],
            ["ets,arima,drift"] = ["ets", "arima", "drift"],
            ["ets,arima,theta,drift"] = ["ets", "arima", "theta", "drift"],
            ["ets,arima,dotm,drift"] = ["ets", "arima", "dotm", "drift"],
            ["ets,arima,dotm,etsdamped"] = ["ets", "arima", "dotm", "etsdamped"],
            ["ets,arima,dotm,etsdamped,drift"] = ["ets", "arima", "dotm", "etsdamped", "drift"],
            ["ets,arima,theta,dotm,drift"] = ["ets", "arima", "theta", "dotm", "drift"],
            ["drift,theta"] = ["drift", "theta"],
            ["drift,dotm"] = ["drift", "dotm"],
            ["drift,dotm,etsdamped"] = ["drift", "dotm", "etsdamped"],
            ["arima,drift,dotm"] = ["arima", "drift", "dotm"],
            ["arima,drift"] = ["arima", "drift"],
            ["ets,drift"] = ["ets", "drift"],
            ["7"] = ["naive", "drift", "ets", "arima", "theta", "dotm", "etsdamped"],
            ["ets,ces,arima,dotm"] = ["ets", "ces", "arima", "dotm"],
            ["ets,arima,ces,drift"] = ["ets", "arima", "ces", "drift"],
            ["ets,arima,ces"] = ["ets", "arima", "ces"],
            ["ets,ces,arima,dotm,drift"] = ["ets", "ces", "arima", "dotm", "drift"],
        };
        foreach ((string name, string[] set) in sets)
        {
            variants[$"mean({name})"] = i => Combine(set.Select(s => full[i][s]), Mean);
            variants[$"median({name})"] = i => Combine(set.Select(s => full[i][s]), Median);
            if (set.Length >= 5)
            {
                variants[$"trimmed({name})"] = i => Combine(set.Select(s => full[i][s]), Trimmed);
            }
        }
        // Combinations weighted by performance: by the inverse of each component's in-sample one-step MSE, and by the
        // inverse of its summed sMAPE over the rolling origins (equal weights where the series is too short for them).
        foreach (string[] set in new[] { new[] { "ets", "arima", "drift" }, ["ets", "arima", "theta"], ["ets", "arima", "dotm", "etsdamped", "drift"], ["ets", "ces", "arima", "dotm"] })
        {
            string name = string.Join(',', set);
            variants[$"weighted-insample({name})"] = i => Weighted(set.Select(s => full[i][s]).ToArray(), set.Select(s => 1.0 / full[i][InSample + s][0]).ToArray());
            variants[$"weighted-rolling({name})"] = i => Weighted(set.Select(s => full[i][s]).ToArray(), RollingWeights(cases[i], rolling[i], set));
        }

        // Rolling-origin selection with the full horizon where the series is long enough; a fallback otherwise.
        string[] pool = ["drift", "ets", "arima", "dotm", "etsdamped", "theta"];
        (string Name, Func<Dictionary<string, double[]>, double[]> Make)[] pooled =
        [
            .. pool.Select(s => (s, (Func<Dictionary<string, double[]>, double[]>)(p => p[s]))),
            ("mean(ets,arima,drift)", p => Combine(new[] { "ets", "arima", "drift" }.Select(s => p[s]), Mean)),
            ("median(ets,arima,dotm,etsdamped,drift)", p => Combine(new[] { "ets", "arima", "dotm", "etsdamped", "drift" }.Select(s => p[s]), Median)),
            ("median(ets,arima,dotm,etsdamped)", p => Combine(new[] { "ets", "arima", "dotm", "etsdamped" }.Select(s => p[s]), Median)),
            ("mean(ets,arima)", p => Combine(new[] { "ets", "arima" }.Select(s => p[s]), Mean)),
        ];
        foreach (string fallback in new[] { "median(ets,arima,dotm,etsdamped,drift)", "mean(ets,arima,drift)", "mean(ets,arima,theta,drift)", "mean(drift,dotm)" })
        {
            Func<int, double[]> fb = variants[fallback];
            variants[$"select(all | {fallback})"] = i => Select(cases[i], rolling[i], full[i], pooled, fb(i));
            variants[$"select(combos | {fallback})"] = i => Select(cases[i], rolling[i], full[i], pooled[pool.Length..], fb(i));
        }

        var text = new StringBuilder();
        string[] collections = cases.Select(c => c.Collection).Distinct().ToArray();
        text.AppendLine("| variant | " + string.Join(" | ", collections.Select(c => $"{c} sMAPE | {c} MASE | {c} OWA")) + " | mean OWA | gate |");
        text.AppendLine("|---|" + string.Concat(collections.Select(_ => "---:|---:|---:|")) + "---:|---|");
        var rows = new List<(double Owa, string Line)>();
        foreach ((string name, Func<int, double[]> point) in variants.Concat(BenchmarksOf(r, cases)))
        {
            var cells = new List<string>();
            double owaSum = 0.0;
            var failed = new List<string>();
            foreach (string collection in collections)
            {
                int[] members = Enumerable.Range(0, cases.Count).Where(i => cases[i].Collection == collection).ToArray();
                (double smape, double mase) = Means(cases, members, point);
                (double naiveSmape, double naiveMase) = Means(cases, members, i => Enumerable.Repeat(cases[i].Train[^1], cases[i].Test.Length).ToArray());
                double owa = 0.5 * (smape / naiveSmape + mase / naiveMase);
                owaSum += owa;
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{smape:F3} | {mase:F3} | {owa:F3}"));
                if (r.Count > 0)
                {
                    foreach ((string bench, Func<int, double[]> benchPoint) in BenchmarksOf(r, cases))
                    {
                        (double bs, double bm) = Means(cases, members, benchPoint);
                        if (!(smape < bs && mase < bm))
                        {
                            failed.Add($"{collection}:{bench}");
                        }
                    }
                }
            }
            string gate = r.Count == 0 ? "n/a" : failed.Count == 0 ? "pass" : "fails " + string.Join(", ", failed);
            double meanOwa = owaSum / collections.Length;
            rows.Add((meanOwa, string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", cells)} | {meanOwa:F3} | {gate} |")));
        }
        foreach ((_, string line) in rows.OrderBy(x => x.Owa))
        {
            text.AppendLine(line);
        }
        return text.ToString();
    }

    private static IEnumerable<KeyValuePair<string, Func<int, double[]>>> BenchmarksOf(Dictionary<(string Id, string Method), double[]?> r, IReadOnlyList<HoldoutCase> cases)
    {
        if (r.Count == 0)
        {
            yield break;
        }
        double[] Naive(int i) => Enumerable.Repeat(cases[i].Train[^1], cases[i].Test.Length).ToArray();
        double[] Of(int i, string m) => r.GetValueOrDefault(($"{cases[i].Collection}/{cases[i].Id}", m)) ?? Naive(i);
        foreach (string m in Report.RMethods)
        {
            yield return new(m, i => Of(i, m));
        }
        yield return new(Report.RMean, i =>
        {
            double[]?[] three = Report.RMethods.Take(3).Select(m => r.GetValueOrDefault(($"{cases[i].Collection}/{cases[i].Id}", m))).ToArray();
            return three.All(p => p is not null) ? Combine(three!, Mean) : Naive(i); // ! checked by All
        });
    }

    private static double[] Select(
        HoldoutCase c, Dictionary<string, double[]>[] rolling, Dictionary<string, double[]> full,
        (string Name, Func<Dictionary<string, double[]>, double[]> Make)[] pool, double[] fallback)
    {
        if (rolling.Length == 0)
        {
            return fallback;
        }
        int h = c.Test.Length;
        int best = -1;
        double bestScore = double.PositiveInfinity;
        for (int j = 0; j < pool.Length; j++)
        {
            double sum = 0.0;
            for (int k = 0; k < rolling.Length; k++)
            {
                int end = c.Train.Length - h - Origins + k + 1;
                double[] actual = c.Train.AsSpan(end, h).ToArray();
                sum += Scoring.Smape(actual, pool[j].Make(rolling[k]));
            }
            if (sum < bestScore)
            {
                bestScore = sum;
                best = j;
            }
        }
        return pool[best].Make(full);
    }

    /// <summary>Σ wₖ·pointₖ / Σ wₖ at each horizon; equal weights when a weight is not finite and positive.</summary>
    private static double[] Weighted(double[][] points, double[] weights)
    {
        if (weights.Any(w => !(double.IsFinite(w) && w > 0.0)))
        {
            weights = Enumerable.Repeat(1.0, points.Length).ToArray();
        }
        double total = weights.Sum();
        var result = new double[points[0].Length];
        for (int j = 0; j < result.Length; j++)
        {
            for (int k = 0; k < points.Length; k++)
            {
                result[j] += weights[k] * points[k][j] / total;
            }
        }
        return result;
    }

    /// <summary>1 / (summed sMAPE over the rolling origins) per method; equal weights without origins.</summary>
    private static double[] RollingWeights(HoldoutCase c, Dictionary<string, double[]>[] rolling, string[] set)
    {
        if (rolling.Length == 0)
        {
            return Enumerable.Repeat(1.0, set.Length).ToArray();
        }
        int h = c.Test.Length;
        return set.Select(s =>
        {
            double sum = 0.0;
            for (int k = 0; k < rolling.Length; k++)
            {
                int end = c.Train.Length - h - Origins + k + 1;
                sum += Scoring.Smape(c.Train.AsSpan(end, h).ToArray(), rolling[k][s]);
            }
            return 1.0 / sum;
        }).ToArray();
    }

    private static (double Smape, double Mase) Means(IReadOnlyList<HoldoutCase> cases, int[] members, Func<int, double[]> point)
    {
        double s = 0.0;
        double m = 0.0;
        foreach (int i in members)
        {
            double[] p = point(i);
            s += Scoring.Smape(cases[i].Test, p);
            m += Scoring.Mase(cases[i].Test, p, cases[i].Scale);
        }
        return (s / members.Length, m / members.Length);
    }

    private static Dictionary<string, double[]> Points(double[] train, int h)
    {
        var points = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] naive = Enumerable.Repeat(train[^1], h).ToArray();
        foreach (string s in Singles)
        {
            try
            {
                ForecastResult result = Forecaster.Create(Forecaster.Parse(s)).Forecast(train, h, [80.0]);
                points[s] = result.Point;
                points[InSample + s] = [OneStepMse(train, result.Fitted)];
            }
            catch (Exception e) when (e is InsufficientDataException or InvalidSpecException)
            {
                points[s] = naive;
                points[InSample + s] = [double.NaN];
            }
        }
        return points;
    }

    /// <summary>Mean squared one-step error over the fitted values a method reports (NaN ones skipped).</summary>
    private static double OneStepMse(double[] train, double[] fitted)
    {
        double sum = 0.0;
        int count = 0;
        for (int t = 0; t < train.Length && t < fitted.Length; t++)
        {
            if (double.IsFinite(fitted[t]))
            {
                sum += (train[t] - fitted[t]) * (train[t] - fitted[t]);
                count++;
            }
        }
        return count == 0 ? double.NaN : sum / count;
    }

    private static double[] Combine(IEnumerable<double[]> parts, Func<List<double>, double> reduce)
    {
        double[][] all = parts.ToArray();
        var result = new double[all[0].Length];
        var column = new List<double>(all.Length);
        for (int j = 0; j < result.Length; j++)
        {
            column.Clear();
            column.AddRange(all.Select(p => p[j]));
            result[j] = reduce(column);
        }
        return result;
    }

    private static double Mean(List<double> v) => v.Average();

    private static double Median(List<double> v)
    {
        v.Sort();
        int mid = v.Count / 2;
        return v.Count % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
    }

    private static double Trimmed(List<double> v)
    {
        v.Sort();
        return v.Skip(1).Take(v.Count - 2).Average();
    }
}
