using System.Globalization;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Scenarios;

/// <summary>The world scaling of a scenario's world total (ITC Box 2's s), gathered from the economy grains once the run is done.</summary>
internal sealed class WorldShareCoordinator(IGrainFactory grains)
{
    /// <summary>
    /// ITC Box 2's s for the world share model: the projected economies' share of world GDP and of world trade in the
    /// data's last year (the world's totals beyond the data are unknown, so s is held at that year's). World totals:
    /// the world economy's series when it has both, else the sums over the model's universe.
    /// </summary>
    public async Task<WorldScalingRecord> ShareAsync(WorldScalingRecord asked, int year, string[] projected, CancellationToken cancellationToken)
    {
        string[] indicators = [asked.GdpIndicator, asked.TradeIndicator];
        async Task<(double Gdp, double Trade)> ValuesAsync(string economy)
        {
            SeriesRecord[] series = await grains.Economy(economy).GetSeriesMany(indicators, string.Empty, year, year, cancellationToken);
            double At(string indicator) => series.FirstOrDefault(x => x.Indicator == indicator) is { } r
                ? r.Years.Select((y, i) => y == year ? r.Values[i] : double.NaN).FirstOrDefault(double.IsFinite, double.NaN)
                : double.NaN;
            return (At(asked.GdpIndicator), At(asked.TradeIndicator));
        }

        static double Sum(IEnumerable<double> values) => values.Where(double.IsFinite).Sum();
        (double Gdp, double Trade)[] covered = await Task.WhenAll(projected.Select(ValuesAsync));
        (double worldGdp, double worldTrade) = asked.World.Length > 0 ? await ValuesAsync(asked.World) : (double.NaN, double.NaN);
        string source = asked.World;
        if (!double.IsFinite(worldGdp) || !double.IsFinite(worldTrade))
        {
            (double Gdp, double Trade)[] universe = await Task.WhenAll(asked.Universe.Select(ValuesAsync));
            (worldGdp, worldTrade) = (Sum(universe.Select(u => u.Gdp)), Sum(universe.Select(u => u.Trade)));
            source = $"sum over the model's {asked.Universe.Length.ToString(CultureInfo.InvariantCulture)} economies";
        }

        (double gdpShare, double tradeShare, double s) = WorldScaling.Share(Sum(covered.Select(c => c.Gdp)), Sum(covered.Select(c => c.Trade)),
            worldGdp, worldTrade, (ScalingVariant)asked.Variant);
        if (!(s > 0.0 && double.IsFinite(s)))
        {
            throw new InsufficientDataException(
                $"world_scaling: the projected economies' share of world {asked.GdpIndicator} and {asked.TradeIndicator} in {year.ToString(CultureInfo.InvariantCulture)} is {s}; "
                + "load the world totals or the economies' values for that year, or turn world_scaling off.");
        }

        return asked with { Year = year, GdpShare = gdpShare, TradeShare = tradeShare, Share = s, WorldSource = source };
    }
}
