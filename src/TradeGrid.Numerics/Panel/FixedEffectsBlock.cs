using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// One block's rows through the rounds of <see cref="FixedEffectsRounds"/>, kept between them by the block's owner:
/// the columns demeaned within entities once, with their moments (round one), then the coordinator's Γ projected out
/// of them in place (round two's QR part and round three's scores read the same projected columns). Before, each round
/// demeaned the rows and summed the year system again. A Γ other than the one projected (another block's rows changed
/// between two fits of these rows) starts again from the rows.
/// </summary>
public sealed class FixedEffectsBlock
{
    private readonly double[,] _x;
    private readonly double[] _y;
    private readonly int[] _entity;
    private readonly int[] _year;
    private readonly PanelSpec _spec;
    private double[][] _columns;
    private EffectAbsorber _absorber;
    private double[]? _gamma;

    public FixedEffectsBlock(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(spec);
        (_x, _y, _entity, _year, _spec) = (x, y, entity, year, spec);
        (_columns, _absorber, Moments) = Demean();
    }

    /// <summary>Round one: the moments of the entity-demeaned slopes and response.</summary>
    public YearMoments Moments { get; }

    /// <summary>Whether these are the rounds of the rows <paramref name="x"/> (the same array) under an equal spec.</summary>
    public bool IsFor(double[,] x, PanelSpec spec) => ReferenceEquals(x, _x) && _spec.SameEffects(spec);

    /// <summary>Round two: the QR part of the fully absorbed rows (and the raw response's moments, for the overall R²).</summary>
    public QrPart Part(double[] gamma)
    {
        double[][] columns = Projected(gamma);
        return FixedEffects.WithRawMoments(RowQr.FactorColumns(columns, null, _absorber.EntityGroups), _y);
    }

    /// <summary>Round three: the whitened score sum (and HC meat when <paramref name="meat"/>) at the coordinator's basis.</summary>
    public ScorePart Scores(double[] gamma, ScoreBasis basis, bool meat)
    {
        ArgumentNullException.ThrowIfNull(basis);
        double[][] columns = Projected(gamma);
        int k = columns.Length - 1;
        double[] e = AbsorbedFixedEffects.Residuals(columns, basis.Beta);
        return RowQr.Scores(e.Length, k, ColumnRows.Of(columns[..k]), e, basis, meat);
    }

    private double[][] Projected(double[] gamma)
    {
        ArgumentNullException.ThrowIfNull(gamma);
        if (_gamma is not null)
        {
            if (_gamma.AsSpan().SequenceEqual(gamma))
            {
                return _columns;
            }

            (_columns, _absorber, _) = Demean();
        }

        _absorber.Project(_columns, null, gamma);
        _gamma = (double[])gamma.Clone();
        return _columns;
    }

    private (double[][] Columns, EffectAbsorber Absorber, YearMoments Moments) Demean()
    {
        int k = _x.GetLength(1);
        var absorber = new EffectAbsorber(_entity, _year, _spec);
        double[][] columns = ColumnRows.Copy(_x, null, 1);
        Array.Copy(_y, columns[k], _y.Length);
        YearMoments moments = absorber.Demean(columns, null);
        return (columns, absorber, moments);
    }
}
