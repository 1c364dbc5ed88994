using TradeGrid.Api.V1;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// A parsed formula: the dependent, the distinct base variables the economies read (indicator, transform, lag, side),
/// the terms built from them, whether there is an intercept, and the sets of fixed effects in canonical names
/// (reporter, partner, year, pair, sympair, joined by ^).
/// </summary>
public sealed record ParsedFormula(ModelVariable Dependent, IReadOnlyList<ModelVariable> Variables, IReadOnlyList<FormulaTerm> Terms, bool Intercept, IReadOnlyList<string> Effects);
