using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Recovers a linear fit's year effects for a scenario with the fit's own first two rounds: each economy tells its
/// sample years, then sends the year moments of its entity-demeaned rows (k + 1 columns × years, as the fit gathered
/// them); the coordinator sums them and <see cref="YearEffects.Recover"/> solves the same year projection the fit
/// solved, at the fitted slopes. Year effects span economies, so they are gathered here, never in an economy grain.
/// </summary>
internal static class ScenarioYearEffects
{
    public static async Task<YearEffects> GatherAsync(IGrainFactory grains, DesignSpec spec, double[] slopes, CancellationToken cancellationToken)
    {
        var request = new BlockRequest(spec, [], string.Empty, [], []);
        BlockInfo[] infos = await Task.WhenAll(spec.Economies.Select(e => grains.EconomyEstimate(e).DescribeBlock(request, cancellationToken).AsTask()));
        int[] years = infos.SelectMany(i => i.Years).Distinct().Order().ToArray();
        request = request with { Years = years };
        YearMoments?[] moments = await Task.WhenAll(infos.Where(i => i.Rows > 0)
            .Select(i => grains.EconomyEstimate(i.Economy).LinearYearMoments(request, cancellationToken).AsTask()));
        YearMoments sum = YearMoments.Sum(moments.OfType<YearMoments>().ToArray());
        // The fit's rank rule (LinearFitCoordinator's OlsOptions keeps the default tolerance): the same dummies drop.
        return YearEffects.Recover(sum, slopes, years, new OlsOptions().CollinearityTolerance);
    }
}
