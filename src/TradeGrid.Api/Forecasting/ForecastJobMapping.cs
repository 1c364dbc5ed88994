using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Api.Forecasting;

/// <summary>ForecastAll jobs to protobuf messages: the job, its progress counted from the outcomes it has stored, its write.</summary>
public static class ForecastJobMapping
{
    public static ForecastJob ToProto(this ForecastJobStatus s, IEnumerable<EconomyForecastOutcome> outcomes) => new()
    {
        JobId = s.JobId,
        State = (ForecastJobState)s.State,
        Progress = Progress(outcomes, s.Total),
        StartedAt = s.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        FinishedAt = s.FinishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        Indicator = s.Indicator,
        Method = s.Method,
        Message = s.Message,
    };

    public static WriteOutcome ToProto(this ForecastJobWrite w) =>
        new() { Committed = true, WriteId = w.WriteId.ToString(), Sequence = w.Sequence };

    /// <summary>Done, skipped (with data but not forecast) and without data (no value of the series) among the outcomes.</summary>
    public static JobProgress Progress(IEnumerable<EconomyForecastOutcome> outcomes, int total)
    {
        var progress = new JobProgress { Total = total };
        foreach (EconomyForecastOutcome outcome in outcomes)
        {
            Count(progress, outcome);
        }
        return progress;
    }

    /// <summary>Adds one outcome to <paramref name="progress"/>.</summary>
    public static void Count(JobProgress progress, EconomyForecastOutcome outcome)
    {
        progress.Done++;
        if (!outcome.HasData)
        {
            progress.WithoutData++;
        }
        else if (outcome.Forecast is null)
        {
            progress.Skipped++;
        }
        progress.Fraction = progress.Total == 0 ? 1.0 : (double)progress.Done / progress.Total;
    }
}
