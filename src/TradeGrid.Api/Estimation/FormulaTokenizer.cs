using TradeGrid.Domain;

namespace TradeGrid.Api.Estimation;

/// <summary>Splits a formula into names (letters, digits, '.', '_'; or `backquoted`), integers and the symbols ~ + - | ^ : ( ) ,.</summary>
internal static class FormulaTokenizer
{
    private const string Symbols = "~+-|^:(),*";

    public static List<FormulaToken> Split(string formula)
    {
        var tokens = new List<FormulaToken>();
        int i = 0;
        while (i < formula.Length)
        {
            char c = formula[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (c == '`')
            {
                int end = formula.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new InvalidSpecException($"formula: the name quoted at column {start + 1} has no closing `; close it, e.g. `NY.GDP.MKTP.CD`.");
                }

                tokens.Add(new FormulaToken(formula[(i + 1)..end], start + 1, IsName: true, IsNumber: false));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < formula.Length && char.IsAsciiDigit(formula[i]))
                {
                    i++;
                }

                if (i < formula.Length && (char.IsAsciiLetter(formula[i]) || formula[i] is '_' or '.'))
                {
                    while (i < formula.Length && IsNameChar(formula[i]))
                    {
                        i++;
                    }

                    tokens.Add(new FormulaToken(formula[start..i], start + 1, IsName: true, IsNumber: false));
                }
                else
                {
                    tokens.Add(new FormulaToken(formula[start..i], start + 1, IsName: false, IsNumber: true));
                }
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '.')
            {
                while (i < formula.Length && IsNameChar(formula[i]))
                {
                    i++;
                }

                tokens.Add(new FormulaToken(formula[start..i], start + 1, IsName: true, IsNumber: false));
            }
            else if (Symbols.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new FormulaToken(c.ToString(), start + 1, IsName: false, IsNumber: false));
                i++;
            }
            else
            {
                throw new InvalidSpecException(
                    $"formula: unexpected '{c}' at column {start + 1}; a formula is y ~ x1 + log(x2) + x3^2 + x1:x3 + poly(x4, 3) | reporter^year + partner^year + pair.");
            }
        }

        return tokens;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
