using System.Globalization;
using System.Security.Cryptography;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Turns a validated request into a <see cref="ScenarioPlan"/>: previews the model (<see cref="ScenarioModels"/>: its drivers and economies, nothing fitted yet), finds
/// the data's last year over the projected economies' drivers (one small round), and checks what needs both: the
/// horizon (at most <see cref="MaxHorizon"/> years after the data), each shock's indicator among the drivers and its
/// start year, and that given paths cover every projected year; then resolves the model (fits it if need be). A refusal fits and starts nothing.
/// </summary>
internal sealed class ScenarioPlanner(IGrainFactory grains)
{
    public const int MaxHorizon = 50;

    public async Task<ScenarioPlan> PlanAsync(ScenarioRequestSpec request, CancellationToken cancellationToken)
    {
        var models = new ScenarioModels(grains);
        ScenarioModelPreview preview = await models.PreviewAsync(request, cancellationToken);
        string[] drivers = preview.Drivers;
        string[] known = drivers.Distinct(StringComparer.Ordinal).ToArray();
        FitOutcome? stored = preview.Stored;
        // A bilateral model projects its reporters to the partners named in `economies`, else to every partner the
        // reporters have the dependent with; groups are reported over partners and do not select them.
        string[] economies = preview.Bilateral ? preview.Economies : request.Economies.Length > 0 ? request.Economies : preview.Economies;
        string[] partners = !preview.Bilateral ? []
            : request.NamedEconomies.Length > 0 ? request.NamedEconomies.Order(StringComparer.Ordinal).ToArray()
            : await DefaultPartnersAsync(economies, preview.Dependent, cancellationToken);
        string[] own = preview.DriversOf(partner: false), theirs = preview.DriversOf(partner: true);
        int[] lasts = await Task.WhenAll(economies.Select(e => grains.EconomyScenario(e).LastDataYear(own, cancellationToken).AsTask())
            .Concat(partners.Select(p => grains.EconomyScenario(p).LastDataYear(theirs, cancellationToken).AsTask())));
        int dataLast = lasts.DefaultIfEmpty(0).Max();
        if (dataLast == 0)
        {
            throw new InsufficientDataException(
                $"None of the {economies.Length + partners.Length} economies has a value of the model's drivers ({string.Join(", ", known)}); import them first.");
        }

        int first = dataLast + 1;
        string Year(int y) => y.ToString(CultureInfo.InvariantCulture);
        int target = request.TargetYear == 0 ? dataLast + 10 : request.TargetYear;
        if (target < first || target - dataLast > MaxHorizon)
        {
            throw new InvalidSpecException(
                $"target_year: {Year(target)} is outside {Year(first)}–{Year(dataLast + MaxHorizon)}: the data ends in {Year(dataLast)} and a scenario projects 1 to {MaxHorizon} years after it.");
        }

        var shocks = new List<ScenarioShockRecord>();
        foreach (ScenarioShockRequest s in request.Shocks)
        {
            // An indicator read on both sides of a bilateral model is two drivers: the shock moves the targeted
            // economies' series wherever it enters (as reporter and as partner).
            int[] matching = Enumerable.Range(0, drivers.Length).Where(j => drivers[j] == s.Indicator).ToArray();
            if (matching.Length == 0)
            {
                throw new InvalidSpecException(
                    $"{s.Field}.indicator: the model does not use {InputQuote.Quote(s.Indicator)}; its regressors' indicators are [{string.Join(", ", known)}].");
            }

            ScenarioShockRecord r = s.Shock with { Driver = matching[0] };
            r = r with { StartYear = r.StartYear == 0 ? first : r.StartYear };
            if (r.StartYear < dataLast || r.StartYear > target)
            {
                throw new InvalidSpecException(
                    $"{s.Field}.start_year: {Year(r.StartYear)} is outside {Year(dataLast)}–{Year(target)}: a shock starts no earlier than the data's last year ({Year(dataLast)}) and by the target year.");
            }

            if (r.FullYear == 0)
            {
                r = r with { FullYear = r.Kind == (int)Numerics.Scenarios.ShockKind.Target ? target : r.StartYear };
            }
            else if (r.FullYear < r.StartYear)
            {
                throw new InvalidSpecException($"{s.Field}.full_year: {Year(r.FullYear)} is before start_year {Year(r.StartYear)}; give a later year or 0.");
            }

            shocks.AddRange(matching.Select(j => r with { Driver = j }));
        }

        var sources = new List<ScenarioDriverSource>();
        var given = new List<GivenPath>();
        for (int j = 0; j < drivers.Length; j++)
        {
            ScenarioSourceRequest? asked = request.Sources.FirstOrDefault(x => x.Indicator == drivers[j]);
            sources.Add(new ScenarioDriverSource(drivers[j], asked?.Kind ?? ScenarioDriverSource.Forecast, asked?.Method is { Length: > 0 } m ? m : "auto"));
            foreach (GivenPath p in asked?.Paths ?? [])
            {
                int missing = Enumerable.Range(first, target - first + 1).FirstOrDefault(y => Array.BinarySearch(p.Years, y) < 0);
                if (missing != 0)
                {
                    throw new InvalidSpecException(
                        $"{asked!.Field}.paths ({p.Economy}): no value for {Year(missing)}; a given path covers every projected year, {Year(first)}–{Year(target)}.");
                }

                given.Add(p with { Driver = j });
            }
        }

        foreach (ScenarioSourceRequest s in request.Sources.Where(s => !drivers.Contains(s.Indicator)))
        {
            throw new InvalidSpecException(
                $"{s.Field}.indicator: the model does not use {InputQuote.Quote(s.Indicator)}; its regressors' indicators are [{string.Join(", ", known)}].");
        }

        // Every check has passed: only now is anything fitted (an inline fit, a stale fit's refit, the world model).
        (ScenarioModelRecord model, FitOutcome fit, string correction, double factor) = await models.ResolveAsync(request, stored, cancellationToken);
        var projected = new HashSet<string>(preview.Bilateral ? partners : economies, StringComparer.Ordinal);
        IEnumerable<AggregateGroup> groups = request.Groups
            .Select(g => g with { Members = g.Members.Where(m => projected.Contains(m.Economy)).ToArray(), ByPartner = preview.Bilateral });
        if (preview.Bilateral)
        {
            // Each reporter's total over its partners, before the world (every pair).
            groups = groups.Concat(economies.Order(StringComparer.Ordinal).Select(r => new AggregateGroup(r, [new YearSpan(r, 0, 0)])));
        }

        AggregateGroup[] aggregates = groups.Append(new AggregateGroup("WLD", economies.Select(e => new YearSpan(e, 0, 0)).ToArray())).ToArray();
        return new ScenarioPlan
        {
            JobId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            SpecJson = request.SpecJson,
            Model = model,
            Sources = sources.ToArray(),
            Given = given.ToArray(),
            Shocks = shocks.ToArray(),
            Economies = economies.Order(StringComparer.Ordinal).ToArray(),
            Partners = partners,
            Aggregates = aggregates,
            FirstYear = first,
            LastYear = target,
            Paths = request.Paths,
            Seed = request.Seed != 0 ? request.Seed : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) | 1UL,
            Quantiles = request.Quantiles,
            CommonShocks = request.CommonShocks,
            ResidualNoise = request.ResidualNoise,
            Bootstrap = request.Bootstrap,
            Store = request.Store,
            Preset = request.Preset,
            Fit = fit,
            Correction = correction,
            CorrectionFactor = factor,
            WorldScaling = request is { WorldScaling: true, World: { } world } ? new WorldScalingRecord
            {
                GdpIndicator = world.GdpIndicator,
                TradeIndicator = world.TradeIndicator,
                World = world.World,
                Universe = world.Universe,
                Variant = (int)world.Scaling,
            } : null,
        };
    }

    /// <summary>
    /// The partners to which any reporter has the dependent, aggregates of the catalogue (WLD, EU, …) left out: an
    /// aggregate as partner would count its members' flows twice in the totals.
    /// </summary>
    private async Task<string[]> DefaultPartnersAsync(string[] reporters, string dependent, CancellationToken cancellationToken)
    {
        string[][] each = await Task.WhenAll(reporters.Select(r => grains.EconomyScenario(r).DependentPartners(dependent, cancellationToken).AsTask()));
        CatalogSnapshot catalog = await grains.Catalog().GetSnapshot(cancellationToken);
        var aggregates = catalog.Economies.Where(e => e.IsAggregate).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        aggregates.UnionWith(catalog.Groups.Select(g => g.Group));
        string[] partners = each.SelectMany(p => p).Where(p => !aggregates.Contains(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return partners.Length > 0 ? partners
            : throw new InsufficientDataException($"No reporter of the model ({string.Join(", ", reporters)}) has {dependent} to a partner; import the bilateral series first.");
    }
}
