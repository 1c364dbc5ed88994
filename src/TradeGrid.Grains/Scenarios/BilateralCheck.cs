using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Which bilateral (reporter → partner) fits a scenario projects, per pair: pooled OLS (dependent in levels or logs)
/// and pooled PPML, with regressors read from the reporter's or the partner's own series in levels, logs or log1p,
/// unlagged. Each pair's drivers are then forecast in the grain of the economy they belong to. Refused, naming why:
/// fixed effects of any kind (partner, year, pair and their products span the reporters' grains or need each pair's
/// own rows and effects, which a projection does not recover yet), regressors of the pair's own series (e.g. distance
/// or an agreement dummy: a pair's series is not forecast), and lags or differences.
/// </summary>
internal static class BilateralCheck
{
    public static void Require(DesignSpec spec, string id)
    {
        if (spec.Absorbed && spec.EffectSets.Length == 0)
        {
            throw new InvalidSpecException(
                $"{id} is a formula fit: scenarios project bilateral fits made with dependent and regressors (pooled OLS or PPML); fit the model so.");
        }

        if (spec.Absorbed || spec.Effects != EffectsKind.None)
        {
            string effects = spec.Absorbed ? string.Join(" + ", spec.EffectSets) : spec.Effects.ToString();
            throw new InvalidSpecException(
                $"{id} is bilateral with fixed effects ({effects}): scenarios project bilateral fits without fixed effects (pooled OLS or PPML), "
                + "since partner, year and pair effects are not recovered for a projection; fit the model without effects.");
        }

        if (spec.Dependent.Transform is not (TransformKind.Level or TransformKind.Log) || spec.Dependent.Lag != 0)
        {
            throw new InvalidSpecException($"{id} has dependent {spec.Dependent.Name}: scenarios need a dependent in levels or logs, unlagged.");
        }

        foreach (VariableSpec v in spec.Regressors)
        {
            if (v.Side == SideKind.Pair)
            {
                throw new InvalidSpecException(
                    $"{id} has regressor {v.Name}, a series of the pair itself: scenarios forecast each economy's own series (reporter or partner side), not a pair's; "
                    + "fit the model on reporter and partner series.");
            }

            if (v.Lag != 0 || v.Transform == TransformKind.Difference)
            {
                throw new InvalidSpecException(
                    $"{id} has regressor {v.Name}: scenarios project regressors of the reporter's or the partner's series in levels, logs or log1p, unlagged.");
            }
        }
    }
}
