using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Api.Forecasting;

/// <summary>Forecast records to protobuf messages.</summary>
public static class ForecastMapping
{
    public static SeriesForecast ToProto(this SeriesForecastRecord r)
    {
        var message = new SeriesForecast
        {
            Economy = r.Economy,
            Indicator = r.Indicator,
            Partner = r.Partner,
            Method = r.Method,
            Model = r.Model,
            FirstYear = r.FirstYear,
            OriginYear = r.OriginYear,
            Observations = r.Observations,
            Sigma2 = r.Sigma2,
            LogLikelihood = r.LogLikelihood,
            Aicc = r.Aicc,
            Criterion = r.Criterion,
            DataVersion = r.DataVersion,
            Cached = r.Cached,
            Stored = r.Stored,
            LogScale = r.LogScale,
        };
        message.Levels.AddRange(r.Levels);
        for (int h = 0; h < r.Point.Length; h++)
        {
            var point = new ForecastPoint { Year = r.Years[h], Value = r.Point[h] };
            for (int l = 0; l < r.Levels.Length; l++)
            {
                point.Intervals.Add(new ForecastInterval { Level = r.Levels[l], Lower = r.Lower[l][h], Upper = r.Upper[l][h] });
            }
            message.Points.Add(point);
        }
        for (int p = 0; p < r.Parameters.Length; p++)
        {
            message.Parameters.Add(new ForecastParameter { Name = r.ParameterNames[p], Value = r.Parameters[p] });
        }
        message.Holdout.AddRange(r.Holdout.Select(s => new HoldoutScore
        {
            Method = s.Method,
            Smape = s.Smape,
            Mase = s.Mase,
            Origins = s.Origins,
            Failure = s.Failure,
        }));
        return message;
    }

    public static EconomyForecast ToProto(this EconomyForecastOutcome outcome) =>
        outcome.Forecast is { } forecast
            ? new EconomyForecast { Economy = outcome.Economy, Forecast = forecast.ToProto() }
            : new EconomyForecast { Economy = outcome.Economy, Skipped = outcome.Skipped };
}
