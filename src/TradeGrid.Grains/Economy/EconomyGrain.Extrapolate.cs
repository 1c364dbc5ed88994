using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Estimation;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Extrapolation: the economy builds its own rows, predicts its own values, and (when asked) stores them as
/// <c>estimated</c> values citing the fit. Rows and predictions are made by <see cref="RegressorRows"/>,
/// <see cref="WorldRowsBuilder"/> and the numerics' <see cref="Predictor"/>.
/// </summary>
public sealed partial class EconomyGrain : IEconomyExtrapolationGrain
{
    public ValueTask<SmearingSum> SmearingPart(DesignSpec spec, double[] beta, CancellationToken cancellationToken)
    {
        RequireRegistered();
        DesignBlock block = DesignRows.Build(Code, State.Series, spec, []);
        (double sum, int count) = block.Rows == 0 ? (0.0, 0) : Smearing.Part(block.X, block.Y, beta);
        return ValueTask.FromResult(new SmearingSum(sum, count));
    }

    public async ValueTask<EconomyPredictions> Predict(PredictionJob job, CancellationToken cancellationToken)
    {
        RequireRegistered();
        DesignSpec spec = job.Spec;
        PredictionModel model = job.Terms.ToModel();
        SeriesRecord? dependent = State.Series.GetValueOrDefault(spec.Dependent.Indicator);
        int[] years = PredictionYears(spec, job.From, job.To);
        var predictions = new List<PredictedYear>();
        var missing = new List<YearReason>();
        var row = new double[spec.Regressors.Length + (spec.HasIntercept ? 1 : 0)];
        foreach (int t in years)
        {
            double observed = VariableValues.AsOf(dependent, t, 0);
            if (!double.IsNaN(observed) && !job.IncludeObserved)
            {
                continue;
            }

            if (!RegressorRows.TryBuild(State.Series, spec.Regressors, spec.HasIntercept, t, 0, row, out string reason))
            {
                missing.Add(new YearReason(t, reason));
                continue;
            }

            Prediction p = Predictor.Predict(model, row, job.Level, job.Terms.Critical);
            predictions.Add(new PredictedYear(t, p.Point, p.SeMean, p.SeNew, p.MeanLower, p.MeanUpper, p.Lower, p.Upper,
                p.Link, p.LinkSeMean, p.LinkSeNew, observed));
        }

        if (years.Length == 0)
        {
            missing.Add(new YearReason(0, "no regressor has a value in the years asked"));
        }

        long version = State.Version;
        PredictedYear[] stored = job.Store ? predictions.Where(p => double.IsNaN(p.Observed)).ToArray() : [];
        if (stored.Length > 0)
        {
            version = await WriteFlagged(spec.Dependent.Indicator,
                stored.Select(p => (p.Year, p.Point, Provenance.Estimated, job.Citation)).ToArray(), job.WriteId, cancellationToken);
        }

        return new EconomyPredictions(Code, predictions.ToArray(), missing.ToArray(), stored.Length, version);
    }

    public ValueTask<WorldBlock> WorldRows(WorldJob job, CancellationToken cancellationToken)
    {
        RequireRegistered();
        WorldYearState[] states = WorldRowsBuilder.States(Code, State.Series, job);
        (var part, int rows, int outside) = WorldRowsBuilder.Part(states, job.Drivers.Length + 1);
        return ValueTask.FromResult(new WorldBlock(Code, part, rows, outside));
    }

    public ValueTask<WorldRow[]> WorldPredict(WorldJob job, PredictionTerms terms, CancellationToken cancellationToken)
    {
        RequireRegistered();
        WorldYearState[] states = WorldRowsBuilder.States(Code, State.Series, job);
        return ValueTask.FromResult(WorldRowsBuilder.Predict(states, terms.ToModel(), job.Level, terms.Critical));
    }

    public async ValueTask<int> WorldStore(WorldJob job, WorldRow[] rows, string citation, Guid writeId, CancellationToken cancellationToken)
    {
        RequireRegistered();
        double scale = job.Percent ? 100.0 : 1.0;
        (int Year, double Value, Provenance Flag)[] values = rows
            .Where(r => r.Coverage is Coverage.Estimated or Coverage.Filled && !r.Hidden())
            .Select(r => (r.Year, r.Share * scale, r.Coverage == Coverage.Estimated ? Provenance.Estimated : Provenance.Interpolated))
            .ToArray();
        if (values.Length == 0)
        {
            return 0;
        }

        await WriteFlagged(job.ShareIndicator, values.Select(v => (v.Year, v.Value, v.Flag,
            v.Flag == Provenance.Estimated ? citation : citation + "; filled by trade growth")).ToArray(), writeId, cancellationToken);
        return values.Length;
    }

    /// <summary>The years to predict: the range asked (or the fit's), else every year one of the regressors has.</summary>
    private int[] PredictionYears(DesignSpec spec, int from, int to)
    {
        from = from != 0 ? from : spec.From;
        to = to != 0 ? to : spec.To;
        var years = new List<int>();
        foreach (VariableSpec v in spec.Regressors)
        {
            if (State.Series.TryGetValue(v.Indicator, out SeriesRecord? s))
            {
                foreach (int y in s.Years)
                {
                    int year = y + v.Lag;
                    if ((from == 0 || year >= from) && (to == 0 || year <= to))
                    {
                        years.Add(year);
                    }
                }
            }
        }

        years.Sort();
        int distinct = 0;
        for (int i = 0; i < years.Count; i++)
        {
            if (distinct == 0 || years[i] != years[distinct - 1])
            {
                years[distinct++] = years[i];
            }
        }

        return years.GetRange(0, distinct).ToArray();
    }

    private async Task<long> WriteFlagged(string indicator, (int Year, double Value, Provenance Flag, string Source)[] values,
        Guid writeId, CancellationToken cancellationToken)
    {
        var batch = new ObservationBatch(
            values.Select(_ => indicator).ToArray(), values.Select(_ => string.Empty).ToArray(), values.Select(v => v.Year).ToArray(),
            values.Select(v => v.Value).ToArray(), values.Select(v => (byte)v.Flag).ToArray(), values.Select(v => v.Source).ToArray());
        return await WriteOrStageAsync(writeId, batch, cancellationToken);
    }
}
