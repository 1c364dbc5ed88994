using TradeGrid.Api.Estimation;
using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Tests.Estimation;

public sealed class FormulaParserTests
{
    [Fact]
    public void The_structural_gravity_formula_gives_its_variables_terms_and_three_effect_sets()
    {
        ParsedFormula f = FormulaParser.Parse("trade ~ rta + log(dist) | reporter^year + partner^year + pair");

        Assert.Equal("trade", f.Dependent.Indicator);
        Assert.Equal(["rta", "log(dist)"], f.Terms.Select(t => t.Name));
        Assert.Equal(VariableTransform.Log, f.Variables[1].Transform);
        Assert.Equal(["reporter^year", "partner^year", "pair"], f.Effects);
        Assert.False(f.Intercept);
    }

    [Fact]
    public void Powers_products_and_raw_polynomials_share_their_base_variables()
    {
        ParsedFormula f = FormulaParser.Parse("y ~ poly(x, 3) + x:z + z^2 + lag(log(partner(gdp)), 2)");

        Assert.Equal(["x", "x^2", "x^3", "x:z", "z^2", "lag(log(partner(gdp)), 2)"], f.Terms.Select(t => t.Name));
        Assert.Equal(3, f.Variables.Count);
        Assert.Equal([(0, 1), (1, 1)], f.Terms[3].Factors);
        Assert.Equal([(1, 2)], f.Terms[4].Factors);
        ModelVariable lagged = f.Variables[2];
        Assert.Equal((VariableTransform.Log, 2, VariableSide.Partner), (lagged.Transform, lagged.Lag, lagged.Side));
        Assert.True(f.Intercept);
    }

    [Theory]
    [InlineData("y ~ 0 + x")]
    [InlineData("y ~ x - 1")]
    [InlineData("y ~ -1 + x")]
    public void Zero_or_minus_one_removes_the_intercept(string formula)
    {
        Assert.False(FormulaParser.Parse(formula).Intercept);
    }

    [Theory]
    [InlineData("exporter^period + importer", "reporter^year", "partner")]
    [InlineData("sympair + year", "sympair", "year")]
    public void Effect_aliases_map_to_canonical_names(string effects, string first, string second)
    {
        Assert.Equal([first, second], FormulaParser.Parse($"y ~ x | {effects}").Effects);
    }

    [Theory]
    [InlineData("trade ~ rta + | pair", "'|' at column 15")]
    [InlineData("trade ~ rta | reporter^yaer", "'yaer' at column 24")]
    [InlineData("trade ~ lgo(dist)", "'lgo' at column 9")]
    [InlineData("trade rta", "'rta' at column 7")]
    [InlineData("trade ~ poly(x, 11)", "'11' at column 17")]
    [InlineData("trade ~ x * z", "'*' at column 11")]
    [InlineData("trade ~ x $ z", "'$' at column 11")]
    [InlineData("trade ~ x | a + b", "'a' at column 13")]
    public void A_formula_that_does_not_parse_names_the_token_and_its_column(string formula, string expected)
    {
        var error = Assert.Throws<InvalidSpecException>(() => FormulaParser.Parse(formula));

        Assert.StartsWith("formula:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_four_effect_sets_are_refused_at_the_fifth()
    {
        var error = Assert.Throws<InvalidSpecException>(() => FormulaParser.Parse("y ~ x | reporter + partner + year + pair + sympair"));

        Assert.Contains("'sympair'", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4", error.Message, StringComparison.Ordinal);
    }
}
