using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Estimation: the economy builds its own rows and returns only k×k summaries (QR factors, score sums); only a model
/// with absorbed effect sets sends its rows (to the coordinator that absorbs them). The rows of the current fit are
/// kept between rounds (PPML iterates; fixed effects with years keep their demeaned rows for the three rounds; OLS
/// keeps their QR factor; absorbed fits keep the part they send) and for the next fit of the same rows, keyed by the
/// spec's rows key (fits that differ only in covariance, level or the collinearity option share them), the partners'
/// data versions and this economy's version, so a write in between rebuilds them.
/// </summary>
public sealed partial class EconomyGrain : IEconomyEstimateGrain
{
    private (string Key, long Version, DesignBlock Block)? _design;
    private (string Key, long Version, int Rounds, DesignBlock Block, int DroppedByLast)? _separated;
    private (string Key, long Version, int Rounds, PoissonRows Rows)? _poissonRows;
    private FixedEffectsBlock? _fixedEffects;
    private (double[,] X, PanelSpec? Panel, QrPart Part)? _linearPart;
    private (double[,] X, bool Bilateral, RowsPart Rows)? _absorbedRows;

    public ValueTask<BlockInfo> DescribeBlock(BlockRequest request, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        return ValueTask.FromResult(new BlockInfo(Code, block.Rows, block.DistinctYears(), block.Drops, State.Version));
    }

    public ValueTask<QrPart?> LinearPart(BlockRequest request, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        if (block.Rows == 0)
        {
            return ValueTask.FromResult<QrPart?>(null);
        }

        // The QR factor of the kept rows is kept with them: a refit of the same rows (another covariance or level) reuses it.
        PanelSpec? panel = SpecPanels.Linear(request.Spec, request.Years);
        if (_linearPart is { } kept && ReferenceEquals(kept.X, block.X) && (kept.Panel is null ? panel is null : kept.Panel.SameEffects(panel)))
        {
            return ValueTask.FromResult<QrPart?>(kept.Part);
        }

        QrPart part = panel is null
            ? TallSkinnyQr.Local(block.X, block.Y)
            : FixedEffects.Local(block.X, block.Y, block.Entity, block.Year, panel);
        _linearPart = (block.X, panel, part);
        return ValueTask.FromResult<QrPart?>(part);
    }

    public ValueTask<ScorePart?> LinearScores(BlockRequest request, ScoreBasis basis, bool meat, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        if (block.Rows == 0)
        {
            return ValueTask.FromResult<ScorePart?>(null);
        }

        PanelSpec? panel = SpecPanels.Linear(request.Spec, request.Years);
        ScorePart part = panel is null
            ? TallSkinnyQr.Scores(block.X, block.Y, basis, meat)
            : FixedEffects.Scores(block.X, block.Y, block.Entity, block.Year, panel, basis, meat);
        return ValueTask.FromResult<ScorePart?>(part);
    }

    public ValueTask<YearMoments?> LinearYearMoments(BlockRequest request, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        PanelSpec panel = SpecPanels.Linear(request.Spec, request.Years)
            ?? throw new InvalidOperationException("The year rounds are for fixed-effects specs with year effects.");
        return ValueTask.FromResult(block.Rows == 0 ? null : FixedEffectsRows(block, panel).Moments);
    }

    public ValueTask<QrPart?> LinearAbsorbedPart(BlockRequest request, double[] gamma, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        PanelSpec panel = SpecPanels.Linear(request.Spec, request.Years)
            ?? throw new InvalidOperationException("The year rounds are for fixed-effects specs with year effects.");
        return ValueTask.FromResult(block.Rows == 0 ? null : FixedEffectsRows(block, panel).Part(gamma));
    }

    public ValueTask<ScorePart?> LinearAbsorbedScores(BlockRequest request, double[] gamma, ScoreBasis basis, bool meat, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        PanelSpec panel = SpecPanels.Linear(request.Spec, request.Years)
            ?? throw new InvalidOperationException("The year rounds are for fixed-effects specs with year effects.");
        return ValueTask.FromResult(block.Rows == 0 ? null : FixedEffectsRows(block, panel).Scores(gamma, basis, meat));
    }

    /// <summary>The year rounds' demeaned rows of the kept design, made again when the design or the panel changes.</summary>
    private FixedEffectsBlock FixedEffectsRows(DesignBlock block, PanelSpec panel)
    {
        if (_fixedEffects is null || !_fixedEffects.IsFor(block.X, panel))
        {
            _fixedEffects = new FixedEffectsBlock(block.X, block.Y, block.Entity, block.Year, panel);
        }

        return _fixedEffects;
    }

    public ValueTask<SeparationStep> SeparationRound(BlockRequest request, CancellationToken cancellationToken)
    {
        (DesignBlock block, int droppedByLast) = Separated(request);
        SeparationPart? part = block.Rows == 0
            ? null
            : PoissonSeparation.Local(block.X, block.Y, block.Entity, block.Year, SpecPanels.Poisson(request.Spec, request.Years));
        return ValueTask.FromResult(new SeparationStep(part, droppedByLast));
    }

    public ValueTask<PoissonPart?> PoissonIteration(BlockRequest request, double[]? beta, CancellationToken cancellationToken)
    {
        DesignBlock block = PoissonDesign(request, out PanelSpec panel);
        return ValueTask.FromResult(block.Rows == 0 ? null : Ppml.Local(block.X, block.Y, block.Entity, block.Year, panel, beta));
    }

    public ValueTask<NewtonPart?> PoissonNewtonStep(BlockRequest request, double[]? theta, CancellationToken cancellationToken)
    {
        PoissonRows? rows = NewtonRows(request);
        return ValueTask.FromResult(rows is null ? null : rows.Step(theta));
    }

    public ValueTask<PoissonFinalPart?> PoissonNewtonFinal(BlockRequest request, double[] theta, double[] gamma, CancellationToken cancellationToken)
    {
        PoissonRows? rows = NewtonRows(request);
        return ValueTask.FromResult(rows is null ? null : rows.Final(theta, gamma));
    }

    public ValueTask<ScorePart?> PoissonNewtonMeat(BlockRequest request, double[] theta, double[] gamma, ScoreBasis basis, CancellationToken cancellationToken)
    {
        PoissonRows? rows = NewtonRows(request);
        return ValueTask.FromResult(rows is null ? null : rows.Meat(theta, gamma, basis));
    }

    public ValueTask<PoissonScorePart?> PoissonFinal(BlockRequest request, ScoreBasis basis, bool meat, CancellationToken cancellationToken)
    {
        DesignBlock block = PoissonDesign(request, out PanelSpec panel);
        return ValueTask.FromResult(block.Rows == 0 ? null : Ppml.Scores(block.X, block.Y, block.Entity, block.Year, panel, basis, meat));
    }

    public ValueTask<RowsPart?> AbsorbedRows(BlockRequest request, CancellationToken cancellationToken)
    {
        DesignBlock block = Design(request);
        if (block.Rows == 0)
        {
            return ValueTask.FromResult<RowsPart?>(null);
        }

        // The part is immutable and kept with the rows: a refit of the same rows sends it again without copying.
        bool bilateral = request.Spec.Bilateral;
        if (_absorbedRows is { } kept && ReferenceEquals(kept.X, block.X) && kept.Bilateral == bilateral)
        {
            return ValueTask.FromResult<RowsPart?>(kept.Rows);
        }

        int k = block.X.GetLength(1);
        var x = new double[block.Rows * k];
        Buffer.BlockCopy(block.X, 0, x, 0, x.Length * sizeof(double));
        int[] partner = bilateral ? block.Entity : new int[block.Rows];
        if (!bilateral)
        {
            Array.Fill(partner, -1);
        }

        var rows = new RowsPart(Code, block.Y, x, partner, block.Year);
        _absorbedRows = (block.X, bilateral, rows);
        return ValueTask.FromResult<RowsPart?>(rows);
    }

    private DesignBlock Design(BlockRequest request)
    {
        RequireRegistered();
        string key = RowsKeys.Of(request);
        if (_design is { } cached && cached.Key == key && cached.Version == State.Version)
        {
            return cached.Block;
        }

        DesignBlock block = DesignRows.Build(Code, State.Series, request.Spec, request.Partners);
        _design = (key, State.Version, block);
        // What was kept with the old rows goes with them (it would hold them in memory until the next fit of its kind).
        (_fixedEffects, _linearPart, _absorbedRows) = (null, null, null);
        return block;
    }

    /// <summary>The rows left after applying the request's separation rounds in order (as Ppml.Fit does in one process).</summary>
    private (DesignBlock Block, int DroppedByLast) Separated(BlockRequest request)
    {
        DesignBlock block = Design(request);
        string key = RowsKeys.Of(request);
        int rounds = request.SeparationRounds.Length;
        if (_separated is { } cached && cached.Key == key && cached.Version == State.Version && cached.Rounds == rounds)
        {
            return (cached.Block, cached.DroppedByLast);
        }

        PanelSpec panel = SpecPanels.Poisson(request.Spec, request.Years);
        int last = 0;
        foreach (SeparationPart round in request.SeparationRounds)
        {
            int[] rows = block.Rows == 0 ? [] : PoissonSeparation.Rows(block.X, block.Y, block.Entity, block.Year, panel, round);
            last = rows.Length;
            if (rows.Length > 0)
            {
                block = block.Without(rows);
            }
        }

        _separated = (key, State.Version, rounds, block, last);
        return (block, last);
    }

    /// <summary>The separated rows prepared for the normal-equation rounds, kept between them (null: no rows).</summary>
    private PoissonRows? NewtonRows(BlockRequest request)
    {
        DesignBlock block = PoissonDesign(request, out PanelSpec panel);
        if (block.Rows == 0)
        {
            return null;
        }

        string key = RowsKeys.Of(request);
        int rounds = request.SeparationRounds.Length;
        if (_poissonRows is { } cached && cached.Key == key && cached.Version == State.Version && cached.Rounds == rounds)
        {
            // An economy whose y is all zero keeps no rows (its effect is −∞): null in every round, not only the first.
            return cached.Rows.Rows == 0 ? null : cached.Rows;
        }

        PoissonRows rows = PoissonRows.Prepare(block.X, block.Y, block.Entity, block.Year, panel);
        _poissonRows = (key, State.Version, rounds, rows);
        return rows.Rows == 0 ? null : rows;
    }

    private DesignBlock PoissonDesign(BlockRequest request, out PanelSpec panel)
    {
        panel = SpecPanels.Poisson(request.Spec, request.Years);
        return Separated(request).Block.WithoutColumns(SpecPanels.SeparatedColumns(request.SeparationRounds, panel));
    }
}
