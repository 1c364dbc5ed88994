using System.Globalization;
using System.Security.Cryptography;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
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
        (string[] drivers, string[] modelEconomies, FitOutcome? stored) = await models.PreviewAsync(request, cancellationToken);
        string[] economies = request.Economies.Length > 0 ? request.Economies : modelEconomies;
        int[] lasts = await Task.WhenAll(economies.Select(e => grains.EconomyScenario(e).LastDataYear(drivers, cancellationToken).AsTask()));
        int dataLast = lasts.DefaultIfEmpty(0).Max();
        if (dataLast == 0)
        {
            throw new InsufficientDataException(
                $"None of the {economies.Length} economies has a value of the model's drivers ({string.Join(", ", drivers)}); import them first.");
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
            int driver = Array.IndexOf(drivers, s.Indicator);
            if (driver < 0)
            {
                throw new InvalidSpecException(
                    $"{s.Field}.indicator: the model does not use {InputQuote.Quote(s.Indicator)}; its regressors' indicators are [{string.Join(", ", drivers)}].");
            }

            ScenarioShockRecord r = s.Shock with { Driver = driver };
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

            shocks.Add(r);
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
                $"{s.Field}.indicator: the model does not use {InputQuote.Quote(s.Indicator)}; its regressors' indicators are [{string.Join(", ", drivers)}].");
        }

        // Every check has passed: only now is anything fitted (an inline fit, a stale fit's refit, the world model).
        (ScenarioModelRecord model, FitOutcome fit, string correction, double factor) = await models.ResolveAsync(request, stored, cancellationToken);
        var projected = new HashSet<string>(economies, StringComparer.Ordinal);
        AggregateGroup[] aggregates = request.Groups
            .Select(g => g with { Members = g.Members.Where(m => projected.Contains(m.Economy)).ToArray() })
            .Append(new AggregateGroup("WLD", economies.Select(e => new YearSpan(e, 0, 0)).ToArray()))
            .ToArray();
        return new ScenarioPlan
        {
            JobId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            SpecJson = request.SpecJson,
            Model = model,
            Sources = sources.ToArray(),
            Given = given.ToArray(),
            Shocks = shocks.ToArray(),
            Economies = economies.Order(StringComparer.Ordinal).ToArray(),
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
}
