using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Api.Extrapolation;

/// <summary>Checks a EstimateWorldRequest (after the preset) field by field into a <see cref="WorldSpec"/>; nothing runs before every field has passed.</summary>
public static class WorldValidation
{
    public const int MaxDrivers = 20;
    public const int MaxAge = 50;
    public const int MaxYears = 100;

    public static WorldSpec Resolve(EstimateWorldRequest request, CatalogView view)
    {
        string share = view.RequireIndicator(request.ShareIndicator, "share_indicator");
        string trade = view.RequireIndicator(request.TradeIndicator, "trade_indicator");
        string gdp = view.RequireIndicator(request.GdpIndicator, "gdp_indicator");
        bool percent = request.ShareUnit switch
        {
            ShareUnit.Unspecified or ShareUnit.Fraction => false,
            ShareUnit.Percent => true,
            _ => throw new InvalidSpecException($"share_unit: {(int)request.ShareUnit} is not a unit; use FRACTION or PERCENT"),
        };
        if (request.Drivers.Count is 0 or > MaxDrivers)
        {
            throw new InvalidSpecException($"drivers: give 1–{MaxDrivers} drivers of the share, e.g. log GDP and trade openness");
        }

        VariableSpec[] drivers = request.Drivers.Select((d, i) => SpecValidation.Variable(d, view, $"drivers[{i}]", bilateral: false)).ToArray();
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        if (from != 0 && to != 0 && to - from + 1 > MaxYears)
        {
            throw new ResourceLimitException($"from–to: {to - from + 1} years, over the limit of {MaxYears}; narrow the range");
        }

        if (request.DriverMaxAge is < 0 or > MaxAge)
        {
            throw new InvalidSpecException($"driver_max_age: {request.DriverMaxAge} must lie in 0–{MaxAge} years");
        }

        ScalingVariant scaling = request.Scaling switch
        {
            ScalingVariantKind.Unspecified or ScalingVariantKind.Mean => ScalingVariant.Mean,
            ScalingVariantKind.Gdp => ScalingVariant.Gdp,
            ScalingVariantKind.Trade => ScalingVariant.Trade,
            _ => throw new InvalidSpecException($"scaling: {(int)request.Scaling} is not a variant; use MEAN, GDP or TRADE"),
        };
        double level = RequestValidation.Level(request.Level, "level");
        string[] universe = request.Economies.Count == 0 && request.Groups.Count == 0
            ? view.Select([], "economies", CatalogView.World).Economies
            : SpecValidation.Economies(view, request.Economies, request.Groups, "economies", "groups");
        string[] hidden = SpecValidation.Economies(view, request.Hide, [], "hide", "hide");
        string world = World(request.World, view);
        return new WorldSpec(share, percent, trade, gdp, drivers, from, to, request.DriverMaxAge, universe, hidden, world, scaling, level,
            !request.SkipFill, request.Store, request.MedianShare);
    }

    /// <summary>The economy holding world totals: the one named (which must exist), or WLD when the catalogue has it, else none.</summary>
    private static string World(string value, CatalogView view)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return view.Economies.ContainsKey(CatalogView.World) ? CatalogView.World : string.Empty;
        }

        return view.RequireEconomy(value, "world");
    }
}
