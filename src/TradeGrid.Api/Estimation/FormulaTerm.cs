namespace TradeGrid.Api.Estimation;

/// <summary>
/// One column of a formula's design: a product of base variables raised to powers (x, x^2, x:z, x^2:z), named as the
/// formula writes it.
/// </summary>
/// <param name="Name">The coefficient's name, e.g. log(dist), gdp^2, rta:log(dist).</param>
/// <param name="Factors">(index into the formula's base variables, power) pairs.</param>
public sealed record FormulaTerm(string Name, IReadOnlyList<(int Variable, int Power)> Factors);
