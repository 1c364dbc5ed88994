namespace TradeGrid.Numerics.Panel;

/// <summary>What <see cref="EffectAbsorber.Absorb"/> took out of a set of columns.</summary>
/// <param name="Coefficients">T×m row-major: each year's coefficient in the regression of each demeaned column on the demeaned
/// year dummies (zero for the reference year and for dropped dummies).</param>
/// <param name="Norms">‖√w·c̃‖ of each column after the entity demeaning and before the year projection: the norm against
/// which the collinearity rule measures what is left of a column, as if the dummies were columns of the QR.</param>
/// <param name="YearEffects">Year dummies kept (counted as parameters in the degrees of freedom).</param>
internal sealed record YearProjection(double[] Coefficients, double[] Norms, int YearEffects);
