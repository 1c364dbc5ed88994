using TradeGrid.Api.Data;
using TradeGrid.Api.Describe;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Forecasting;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Api.Extrapolation;

/// <summary>Maps prediction and world outcomes to their protobuf responses.</summary>
public static class ExtrapolationMapping
{
    public const string WorldMethod =
        "Box 2: a share reported for one year only is carried to the other years by the growth of trade (the share stays "
        + "constant); logit(share) is regressed on the drivers by pooled OLS with an intercept (classical covariance); an "
        + "uncovered economy's share is its mean share under normal errors, E[inverse logit(x'b + e)] (or the median, inverse "
        + "logit(x'b), with median_share), its value share x trade; "
        + "world = (reported + estimated) / s, s the mean of the covered shares of world GDP and trade (or one of them); "
        + "the interval is normal with the delta method: the estimated values' common coefficient uncertainty (g'Vg) plus "
        + "each one's new-observation variance, s held fixed.";

    public static PredictResponse ToProto(this PredictionOutcome outcome, double level)
    {
        var response = new PredictResponse
        {
            FitId = outcome.Fit.FitId,
            RequestedFitId = outcome.RequestedFitId,
            Refitted = outcome.Refitted,
            EffectsRule = outcome.EffectsRule,
            Scale = outcome.Model.Scale switch
            {
                ResponseScale.Log => "log",
                ResponseScale.PoissonMean => "poisson-mean",
                ResponseScale.Logit => "logit",
                _ => "level",
            },
            Correction = outcome.Model.Scale == ResponseScale.Log ? outcome.Model.Correction.ToString().ToLowerInvariant() : string.Empty,
            CorrectionFactor = outcome.CorrectionFactor,
            Level = level,
            Fit = outcome.Fit.ToProto(),
        };
        foreach (EconomyPredictions e in outcome.Economies)
        {
            response.Predictions.AddRange(e.Predictions.Select(p => Value(e.Economy, p)));
            response.NotPredictable.AddRange(e.NotPredictable.Select(m => new NotPredictable { Economy = e.Economy, Year = m.Year, Reason = m.Reason }));
            response.Stored += e.Stored;
            if (e.Stored > 0)
            {
                response.Versions[e.Economy] = e.Version;
            }
        }

        return response;
    }

    public static EstimateWorldResponse ToProto(this WorldOutcome outcome, WorldSpec spec)
    {
        var response = new EstimateWorldResponse
        {
            Fit = outcome.Fit.ToProto(),
            ShareIndicator = spec.ShareIndicator,
            TradeIndicator = spec.TradeIndicator,
            GdpIndicator = spec.GdpIndicator,
            DriverMaxAge = spec.MaxAge,
            Scaling = spec.Scaling.ToString().ToLowerInvariant(),
            Level = spec.Level,
            Method = WorldMethod,
            Stored = outcome.Stored,
        };
        response.Years.AddRange(outcome.Years.Select(y => new WorldYear
        {
            Year = y.Year,
            CoveredGdpShare = y.Estimate.GdpShare,
            CoveredTradeShare = y.Estimate.TradeShare,
            ScalingShare = y.Estimate.Share,
            ReportedTotal = y.Estimate.ReportedTotal,
            EstimatedTotal = y.Estimate.EstimatedTotal,
            World = y.Estimate.World,
            WorldSe = y.Estimate.StandardError,
            WorldLower = y.Estimate.Lower,
            WorldUpper = y.Estimate.Upper,
            Reported = y.Estimate.Reported - y.Filled,
            Filled = y.Filled,
            Estimated = y.Estimate.Estimated,
            NotPredictable = y.NotPredictable,
            WorldGdp = y.WorldGdp,
            WorldTrade = y.WorldTrade,
            WorldSource = y.WorldSource,
            WorldShare = y.Estimate.World / y.WorldTrade,
        }));
        response.Economies.AddRange(outcome.Economies.Select(e => Row(e.Economy, e.Row)));
        return response;
    }

    private static PredictedValue Value(string economy, PredictedYear p)
    {
        var value = new PredictedValue
        {
            Economy = economy,
            Year = p.Year,
            Point = p.Point,
            SeMean = p.SeMean,
            SeNew = p.SeNew,
            MeanLower = p.MeanLower,
            MeanUpper = p.MeanUpper,
            Lower = p.Lower,
            Upper = p.Upper,
            Link = p.Link,
            LinkSeMean = p.LinkSeMean,
            LinkSeNew = p.LinkSeNew,
        };
        if (!double.IsNaN(p.Observed))
        {
            value.Observed = p.Observed;
        }

        return value;
    }

    private static WorldEconomyYear Row(string economy, WorldRow r)
    {
        var row = new WorldEconomyYear
        {
            Economy = economy,
            Year = r.Year,
            Coverage = r.Coverage switch
            {
                Coverage.Reported => CoverageKind.Reported,
                Coverage.Filled => CoverageKind.Filled,
                Coverage.Estimated => CoverageKind.Estimated,
                _ => CoverageKind.NotPredictable,
            },
            Share = r.Share,
            Value = r.Value,
            ValueSe = r.ValueSe,
            ShareLower = r.ShareLower,
            ShareUpper = r.ShareUpper,
            Gdp = r.Gdp,
            Trade = r.Trade,
            Hidden = r.Hidden(),
            Reason = r.Reason,
        };
        if (r.Hidden())
        {
            row.HiddenShare = r.HiddenShare;
        }

        return row;
    }
}
