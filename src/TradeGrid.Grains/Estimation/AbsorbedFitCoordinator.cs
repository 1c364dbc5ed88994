using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The coordinator's side of a model with absorbed effect sets (a formula or a list of sets): one gather of every
/// economy's rows (<see cref="IEconomyEstimateGrain.AbsorbedRows"/>), the terms built from the base variables (x^2,
/// x:z, poly), the effect and cluster ids from (reporter, partner, year), and the fit by
/// <see cref="AbsorbedOls"/> / <see cref="AbsorbedPpml"/>, whose projections sweep every set of effects over all rows.
/// A fit whose design a recent fit of the same data prepared — OLS: the rows with the effects projected out; PPML: the
/// IRLS converged — differing only in covariance kind or level (OLS: or collinearity rule), starts from it
/// (<see cref="AbsorbedDesignCache"/>) and gathers nothing.
/// </summary>
internal static class AbsorbedFitCoordinator
{
    /// <param name="blocks">The economies with rows.</param>
    /// <param name="request">The spec, the partners' series and the years.</param>
    /// <param name="rowsIdentity">Every economy's data version (and the partners' stamp): with the spec, what the rows are a function of.</param>
    /// <param name="cancellationToken">Cancels the gather.</param>
    public static async Task<FitStatistics> RunAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, string rowsIdentity, CancellationToken cancellationToken)
    {
        DesignSpec spec = request.Spec;
        // A design prepared for a fit that differs only in covariance kind or level (OLS: or collinearity rule) is reused.
        string designKey = $"{spec.AbsorbedDesignKey()}|{rowsIdentity}|{request.PartnerStamp}|{string.Join(",", request.Years)}";
        if (AbsorbedDesignCache.Process.TryGet(designKey, out AbsorbedDesignEntry? cached))
        {
            AbsorbedFit reused = cached.Design.Fit(Options(spec, cached.Design.Clusters?.ToArray()));
            return FitStatistics.From(reused, cached.Where(reused.SingletonExample), cached.Where(reused.SeparatedExample));
        }

        RowsPart[] parts = (await Task.WhenAll(blocks.Select(b => b.AbsorbedRows(request, cancellationToken).AsTask()))).OfType<RowsPart>().ToArray();
        int n = parts.Sum(p => p.Y.Length);
        int k = spec.Regressors.Length;
        var y = new double[n];
        double[][] variables = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        var reporter = new int[n];
        var partner = new int[n];
        var year = new int[n];
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        int Code(string economy) => codes.TryGetValue(economy, out int c) ? c : codes[economy] = codes.Count;
        int[] partnerCodes = spec.Partners.Select(Code).ToArray();
        int at = 0;
        foreach (RowsPart part in parts)
        {
            int rows = part.Y.Length;
            part.Y.CopyTo(y.AsSpan(at));
            part.Year.CopyTo(year.AsSpan(at));
            reporter.AsSpan(at, rows).Fill(Code(part.Economy));
            for (int j = 0; j < k; j++)
            {
                double[] v = variables[j];
                for (int i = 0; i < rows; i++)
                {
                    v[at + i] = part.X[i * k + j];
                }
            }

            for (int i = 0; i < rows; i++)
            {
                partner[at + i] = part.Partner[i] < 0 ? -1 : partnerCodes[part.Partner[i]];
            }

            at += rows;
        }

        TermSpec[] terms = spec.Terms.Length > 0 ? spec.Terms : spec.Regressors.Select((r, j) => new TermSpec(r.Name, [j], [1])).ToArray();
        double[][] columns = terms.Select(t => Product(t, variables, n)).ToArray();
        // A set named twice (pair effects clustered by pair) is numbered once; fits only read the ids.
        var numbered = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] SetIds(string set) => numbered.TryGetValue(set, out int[]? ids) ? ids : numbered[set] = Ids(set, reporter, partner, year);
        var effects = spec.EffectSets.Select(set => new EffectDimension(set, SetIds(set))).ToArray();
        EffectDimension[]? clusters = spec.Covariance.IsCluster()
            ? (spec.ClusterBy.Length == 0 ? ["reporter"] : spec.ClusterBy).Select(c => new EffectDimension(c, SetIds(c))).ToArray()
            : null;
        AbsorbedOptions options = Options(spec, clusters);
        string[] names = terms.Select(t => t.Name).ToArray();
        string[] economyByCode = codes.OrderBy(c => c.Value).Select(c => c.Key).ToArray();
        string Where(int row) => row < 0 ? string.Empty
            : partner[row] < 0 ? $"{economyByCode[reporter[row]]} {year[row]}" : $"{economyByCode[reporter[row]]}→{economyByCode[partner[row]]} {year[row]}";
        // Kept before the solve: an OLS design serves a fit with the other collinearity rule even when this one refuses.
        AbsorbedDesign design = spec.Estimator == EstimatorKind.Ols
            ? AbsorbedOls.Prepare(y, columns, names, effects, options)
            : AbsorbedPpml.Prepare(y, columns, names, effects, options);
        AbsorbedDesignCache.Process.Add(designKey, new AbsorbedDesignEntry(design, Where));
        AbsorbedFit fit = design.Fit(options);
        return FitStatistics.From(fit, Where(fit.SingletonExample), Where(fit.SeparatedExample));
    }

    private static AbsorbedOptions Options(DesignSpec spec, EffectDimension[]? clusters) => new(
        spec.Covariance.ToNumerics(), clusters, spec.ConfidenceLevel, spec.DropCollinear, DropSingletons: !spec.KeepSingletons, Intercept: spec.AddIntercept);

    /// <summary>A term's column: a base variable itself (fits never write into their columns) or a product of powers.</summary>
    internal static double[] Product(TermSpec term, double[][] variables, int n)
    {
        if (term.Variables.Length == 1 && term.Powers[0] == 1)
        {
            return variables[term.Variables[0]];
        }

        var column = new double[n];
        Array.Fill(column, 1.0);
        for (int f = 0; f < term.Variables.Length; f++)
        {
            double[] v = variables[term.Variables[f]];
            int power = term.Powers[f];
            for (int i = 0; i < n; i++)
            {
                column[i] *= power == 1 ? v[i] : Math.Pow(v[i], power);
            }
        }

        return column;
    }

    /// <summary>Group ids of a set such as reporter^year: the product of its dimensions' ids.</summary>
    private static int[] Ids(string set, int[] reporter, int[] partner, int[] year)
    {
        int[]? ids = null;
        foreach (string dimension in set.Split('^'))
        {
            int[] d = dimension switch
            {
                "reporter" => reporter,
                "partner" => partner,
                "year" => year,
                "pair" => EffectIds.Interact(reporter, partner),
                "sympair" => EffectIds.Symmetric(reporter, partner),
                _ => throw new ArgumentException($"Unknown dimension {dimension} in {set}.", nameof(set)),
            };
            ids = ids is null ? d : EffectIds.Interact(ids, d);
        }

        return ids!;
    }
}
