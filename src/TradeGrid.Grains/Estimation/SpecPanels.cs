using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Estimation;

/// <summary>The numerics' panel spec of a design, the same in every grain of one fit (the years come from round 0).</summary>
internal static class SpecPanels
{
    /// <summary>OLS: null for a pooled model (intercept column, no effects).</summary>
    public static PanelSpec? Linear(DesignSpec spec, int[] years) =>
        spec.Effects == EffectsKind.None ? null : new PanelSpec(spec.EntityEffects, spec.YearEffects ? years : []);

    /// <summary>PPML: <see cref="PanelSpec.None"/> for a pooled model (the intercept is a column).</summary>
    public static PanelSpec Poisson(DesignSpec spec, int[] years) => new(spec.EntityEffects, spec.YearEffects ? years : []);

    /// <summary>Columns of X (intercept and regressors) that a recorded separation round removed, as Ppml.Fit removes them.</summary>
    public static int[] SeparatedColumns(IEnumerable<SeparationPart> rounds, PanelSpec panel) =>
        rounds.SelectMany(PoissonSeparation.Separating).Where(j => j >= panel.YearDummies).Select(j => j - panel.YearDummies)
            .Distinct().Order().ToArray();
}
