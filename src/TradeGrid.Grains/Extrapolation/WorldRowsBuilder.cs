using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Fill;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// An economy's side of the Box 2 pipeline. Per year: the reported share (that year only; percent divided by 100;
/// earlier estimates ignored),
/// GDP, trade and the drivers as of the year. A share reported for one year only is carried to the other years by
/// the growth of trade (the value share × trade grows with trade: <see cref="GapFill.ByProxy"/>), so the share stays
/// constant. Known shares in (0, 1) with every driver make the rows of logit(share) on the drivers; uncovered years
/// are predicted from the model, their value being share × trade.
/// </summary>
internal static class WorldRowsBuilder
{
    public static WorldYearState[] States(string economy, IReadOnlyDictionary<string, SeriesRecord> series, WorldJob job)
    {
        SeriesRecord? shares = series.GetValueOrDefault(job.ShareIndicator);
        SeriesRecord? gdp = series.GetValueOrDefault(job.GdpIndicator);
        SeriesRecord? trade = series.GetValueOrDefault(job.TradeIndicator);
        double scale = job.Percent ? 100.0 : 1.0;
        var states = new WorldYearState[job.Years.Length];
        for (int i = 0; i < states.Length; i++)
        {
            int t = job.Years[i];
            double reported = Reported(shares, t) / scale;
            var row = new double[job.Drivers.Length + 1];
            bool hasRow = RegressorRows.TryBuild(series, job.Drivers, true, t, job.MaxAge, row, out string reason);
            double share = job.Hidden ? double.NaN : reported;
            states[i] = new WorldYearState(t, double.IsNaN(share) ? Coverage.NotPredictable : Coverage.Reported, share,
                VariableValues.AsOf(gdp, t, job.MaxAge), VariableValues.AsOf(trade, t, job.MaxAge), hasRow ? row : null, reason,
                job.Hidden ? reported : double.NaN);
        }

        return job.Fill ? Filled(economy, states) : states;
    }

    /// <summary>
    /// The share reported for the year: reported, published or derived values only. Values this pipeline (or a
    /// prediction) stored earlier — estimated, interpolated, forecast — are not data to fit on and are ignored.
    /// </summary>
    private static double Reported(SeriesRecord? shares, int year)
    {
        int i = shares is null ? -1 : Array.BinarySearch(shares.Years, year);
        return i >= 0 && (Provenance)shares!.Provenance[i] is Provenance.Reported or Provenance.Published or Provenance.Derived
            ? shares.Values[i]
            : double.NaN;
    }

    /// <summary>The QR factor of the known (reported or filled) shares' rows, and how many known shares lay outside (0, 1).</summary>
    public static (QrPart? Part, int Rows, int Outside) Part(WorldYearState[] states, int columns)
    {
        var rows = new List<(double[] X, double Y)>();
        int outside = 0;
        foreach (WorldYearState s in states)
        {
            if (s.Coverage is not (Coverage.Reported or Coverage.Filled) || s.Row is null)
            {
                continue;
            }

            if (!(s.Share > 0.0 && s.Share < 1.0))
            {
                outside++;
                continue;
            }

            rows.Add((s.Row, ShareTransform.Logit(s.Share)));
        }

        if (rows.Count == 0)
        {
            return (null, 0, outside);
        }

        var x = new double[rows.Count, columns];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                x[i, j] = rows[i].X[j];
            }
        }

        return (TallSkinnyQr.Local(x, rows.Select(r => r.Y).ToArray()), rows.Count, outside);
    }

    /// <summary>Every year's row, the uncovered ones predicted when they have drivers and trade.</summary>
    public static WorldRow[] Predict(WorldYearState[] states, PredictionModel model, double level, double critical) =>
        states.Select(s => Row(s, model, level, critical)).ToArray();

    private static WorldRow Row(WorldYearState s, PredictionModel model, double level, double critical)
    {
        if (s.Coverage != Coverage.NotPredictable)
        {
            double value = s.Share * s.Trade;
            string reason = double.IsFinite(value) ? string.Empty : "no trade in the year: the share is known but its value cannot be scaled";
            return new WorldRow(s.Year, s.Coverage, s.Share, value, 0.0, s.Share, s.Share, s.Gdp, s.Trade, null, 0.0, s.HiddenShare, reason);
        }

        string missing = s.Row is null ? s.Reason : !double.IsFinite(s.Trade) ? "no trade in the year (or within the drivers' age)" : string.Empty;
        if (missing.Length > 0)
        {
            return new WorldRow(s.Year, Coverage.NotPredictable, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                s.Gdp, s.Trade, null, 0.0, s.HiddenShare, missing);
        }

        Prediction p = Predictor.Predict(model, s.Row, level, critical);
        double t = s.Trade;
        return new WorldRow(s.Year, Coverage.Estimated, p.Point, p.Point * t, p.SeNew * t, p.Lower, p.Upper, s.Gdp, t,
            p.Gradient.Select(g => g * t).ToArray(), p.NewVariance * t * t, s.HiddenShare, string.Empty);
    }

    private static WorldYearState[] Filled(string economy, WorldYearState[] states)
    {
        WorldYearState[] known = states.Where(s => s.Coverage == Coverage.Reported).ToArray();
        if (known.Length != 1 || !(known[0].Trade > 0.0))
        {
            return states;
        }

        WorldYearState[] usable = states.Where(s => s.Trade > 0.0).ToArray();
        double[] values = usable.Select(s => s.Coverage == Coverage.Reported ? s.Share * s.Trade : double.NaN).ToArray();
        FilledSeries filled = GapFill.ByProxy(economy, usable.Select(s => s.Year).ToArray(), values,
            usable.Select(s => s.Trade).ToArray(), BetweenKnown.Chain);
        var byYear = new Dictionary<int, double>();
        for (int i = 0; i < usable.Length; i++)
        {
            byYear[usable[i].Year] = filled.Values[i] / usable[i].Trade;
        }

        return states.Select(s => s.Coverage == Coverage.NotPredictable && byYear.TryGetValue(s.Year, out double share)
            ? s with { Coverage = Coverage.Filled, Share = share }
            : s).ToArray();
    }
}
