using MathNet.Numerics.Distributions;
using TradeGrid.Domain;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// Scales the covered economies' total to the world (ITC Box 2): world = Σ D_i / s with s the mean of the covered
/// share of world GDP and of world trade (or one of them). Uncertainty by the delta method with s held fixed:
/// Var(Σ D) = g'Vg + Σ v_i, where g sums the estimated economies' gradients (their common coefficient uncertainty,
/// correlated across economies) and v_i their new-observation variances (independent); the interval is normal.
/// </summary>
public static class WorldScaling
{
    public static WorldEstimate Scale(IReadOnlyList<CoveredValue> covered, double worldGdp, double worldTrade, double[]? covariance,
        ScalingVariant variant, double level)
    {
        if (!(level > 0.0 && level < 1.0))
        {
            throw new InvalidSpecException($"Interval level {level} is outside (0, 1); give e.g. 0.95.");
        }

        if (covered.Count == 0)
        {
            throw new InsufficientDataException("No economy is covered (reported or estimated): nothing to scale.");
        }

        bool needsGdp = variant != ScalingVariant.Trade;
        bool needsTrade = variant != ScalingVariant.Gdp;
        if ((needsGdp && !(worldGdp > 0.0)) || (needsTrade && !(worldTrade > 0.0)))
        {
            throw new InsufficientDataException($"World GDP {worldGdp} and world trade {worldTrade}: the scaling needs positive world totals.");
        }

        double reported = 0.0, estimated = 0.0, gdp = 0.0, trade = 0.0, newVariance = 0.0;
        int k = covered.FirstOrDefault(c => c.Estimated)?.Gradient!.Length ?? 0;
        var g = new double[k];
        int reportedCount = 0;
        foreach (CoveredValue c in covered)
        {
            gdp += c.Gdp;
            trade += c.Trade;
            if (c.Gradient is null)
            {
                reported += c.Value;
                reportedCount++;
                continue;
            }

            estimated += c.Value;
            newVariance += c.NewVariance;
            for (int j = 0; j < k; j++)
            {
                g[j] += c.Gradient[j];
            }
        }

        (double gdpShare, double tradeShare, double s) = Share(gdp, trade, worldGdp, worldTrade, variant);
        if (!(s > 0.0))
        {
            throw new InsufficientDataException("The covered economies have no GDP or trade in the year: the scaling share is zero.");
        }

        double total = reported + estimated;
        double variance = newVariance + Quadratic(g, covariance);
        double se = Math.Sqrt(variance) / s;
        double world = total / s;
        double z = Normal.InvCDF(0.0, 1.0, 0.5 + level / 2.0);
        return new WorldEstimate(reported, estimated, total, gdpShare, tradeShare, s, world, se, world - z * se, world + z * se,
            reportedCount, covered.Count - reportedCount);
    }

    /// <summary>
    /// The covered economies' share of world GDP and of world trade, and s: their mean (<see cref="ScalingVariant.Mean"/>)
    /// or the one the variant names (the other is NaN).
    /// </summary>
    public static (double GdpShare, double TradeShare, double S) Share(double coveredGdp, double coveredTrade, double worldGdp, double worldTrade,
        ScalingVariant variant)
    {
        double gdpShare = variant != ScalingVariant.Trade ? coveredGdp / worldGdp : double.NaN;
        double tradeShare = variant != ScalingVariant.Gdp ? coveredTrade / worldTrade : double.NaN;
        double s = variant switch
        {
            ScalingVariant.Gdp => gdpShare,
            ScalingVariant.Trade => tradeShare,
            _ => (gdpShare + tradeShare) / 2.0,
        };
        return (gdpShare, tradeShare, s);
    }

    private static double Quadratic(double[] g, double[]? covariance)
    {
        int k = g.Length;
        if (k == 0)
        {
            return 0.0;
        }

        if (covariance is null || covariance.Length != k * k)
        {
            throw new ArgumentException($"Estimated values with {k} gradients need a {k}×{k} covariance.", nameof(covariance));
        }

        double sum = 0.0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                sum += g[i] * covariance[i * k + j] * g[j];
            }
        }

        return sum;
    }
}
