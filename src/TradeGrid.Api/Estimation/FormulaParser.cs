using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// Parses a fixest-style formula: <c>y ~ terms | effects</c>.
/// <list type="bullet">
/// <item>Variables: an indicator code (`quoted` when it has other characters), optionally wrapped in log(), log1p(),
/// lag(x, k), diff(x, k) and a side: reporter(x), partner(x), pair(x). In a bilateral sample a bare code is the pair's
/// series (like the dependent); in a unilateral one, the reporter's.</item>
/// <item>Terms: x, x^2 (a power), x:z (a product), poly(x, k) (raw: x, x^2, …, x^k); 0 or -1 removes the intercept
/// (only without effects; effects absorb it).</item>
/// <item>Effects after |: reporter (alias exporter), partner (importer), year (period), pair (directional: i→j),
/// sympair (i→j and j→i share one effect), and products with ^, e.g. reporter^year; at most four sets.</item>
/// </list>
/// Every error names the offending token and its column (InvalidArgument).
/// </summary>
public static class FormulaParser
{
    public const int MaxPower = 10;
    public const int MaxEffectSets = 4;

    private static readonly Dictionary<string, string> _dimensions = new(StringComparer.Ordinal)
    {
        ["reporter"] = "reporter", ["exporter"] = "reporter",
        ["partner"] = "partner", ["importer"] = "partner",
        ["year"] = "year", ["period"] = "year",
        ["pair"] = "pair", ["sympair"] = "sympair",
    };

    public static ParsedFormula Parse(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var parser = new Cursor(FormulaTokenizer.Split(formula), formula.Length);
        (ModelVariable dependent, _) = parser.Variable("the dependent");
        parser.Expect("~", "after the dependent");
        var variables = new List<ModelVariable>();
        var terms = new List<FormulaTerm>();
        bool intercept = true;
        bool first = true;
        while (true)
        {
            bool minus = false;
            if (!first)
            {
                if (parser.Accept("-"))
                {
                    minus = true;
                }
                else if (!parser.Accept("+"))
                {
                    break;
                }
            }
            else if (parser.Accept("-"))
            {
                minus = true;
            }

            first = false;
            if (parser.PeekNumber(out string number))
            {
                FormulaToken token = parser.Next();
                if (number == "0" && !minus)
                {
                    intercept = false;
                }
                else if (number == "1")
                {
                    intercept = !minus;
                }
                else
                {
                    throw parser.Error(token, "only 0, 1 or -1 may stand alone on the right (the intercept)");
                }

                continue;
            }

            if (minus)
            {
                throw parser.Error(parser.Peek(), "only -1 (no intercept) may follow a minus");
            }

            foreach (FormulaTerm term in parser.Item(variables))
            {
                if (terms.Any(t => t.Name == term.Name))
                {
                    throw new InvalidSpecException($"formula: the term {term.Name} appears twice; give each term once.");
                }

                terms.Add(term);
            }
        }

        var effects = new List<string>();
        if (parser.Accept("|"))
        {
            do
            {
                FormulaToken at = parser.Peek();
                string effect = parser.Effect();
                if (effects.Contains(effect))
                {
                    throw parser.Error(at, $"the effect {effect} appears twice");
                }

                effects.Add(effect);
                if (effects.Count > MaxEffectSets)
                {
                    throw parser.Error(at, $"at most {MaxEffectSets} sets of fixed effects; combine sets with ^ (reporter^year)");
                }
            }
            while (parser.Accept("+"));
        }

        parser.End();
        if (terms.Count == 0)
        {
            throw new InvalidSpecException("formula: no regressor after ~; e.g. trade ~ rta + log(dist) | reporter^year + partner^year + pair.");
        }

        return new ParsedFormula(dependent, variables, terms, intercept && effects.Count == 0, effects);
    }

    /// <summary>Reads tokens left to right; every error names a token and its column.</summary>
    private sealed class Cursor(List<FormulaToken> tokens, int length)
    {
        private int _at;

        public FormulaToken Peek() => _at < tokens.Count ? tokens[_at] : new FormulaToken("end of formula", length + 1, false, false);

        public FormulaToken Next()
        {
            FormulaToken t = Peek();
            _at++;
            return t;
        }

        public bool Accept(string symbol)
        {
            if (_at < tokens.Count && tokens[_at].Is(symbol))
            {
                _at++;
                return true;
            }

            return false;
        }

        public bool PeekNumber(out string text)
        {
            text = _at < tokens.Count && tokens[_at].IsNumber ? tokens[_at].Text : string.Empty;
            return text.Length > 0;
        }

        public void Expect(string symbol, string where)
        {
            if (!Accept(symbol))
            {
                throw Error(Peek(), $"expected '{symbol}' {where}");
            }
        }

        public void End()
        {
            if (_at < tokens.Count)
            {
                throw Error(tokens[_at], "expected + between terms, | before the fixed effects, or the end");
            }
        }

        public InvalidSpecException Error(FormulaToken token, string what) =>
            new($"formula: unexpected '{token.Text}' at column {token.Column}: {what}. "
                + "A formula is y ~ x1 + log(x2) + x3^2 + x1:x3 + poly(x4, 3) | reporter^year + partner^year + pair.");

        /// <summary>poly(x, k), or factor (: factor)*; each factor is a variable with an optional ^power.</summary>
        public IEnumerable<FormulaTerm> Item(List<ModelVariable> variables)
        {
            FormulaToken head = Peek();
            if (head.IsName && head.Text == "poly" && _at + 1 < tokens.Count && tokens[_at + 1].Is("("))
            {
                Next();
                Next();
                (ModelVariable v, string name) = Variable("poly()'s variable");
                Expect(",", "between poly()'s variable and its degree");
                int degree = Integer(1, MaxPower, "poly()'s degree");
                Expect(")", "after poly()'s degree");
                int index = Index(variables, v);
                return Enumerable.Range(1, degree).Select(p => new FormulaTerm(p == 1 ? name : $"{name}^{p}", [(index, p)])).ToArray();
            }

            var factors = new List<(int, int)>();
            var names = new List<string>();
            do
            {
                (ModelVariable v, string name) = Variable("a regressor");
                int power = 1;
                if (Accept("^"))
                {
                    power = Integer(1, MaxPower, "the power");
                }

                int index = Index(variables, v);
                if (factors.Any(f => f.Item1 == index))
                {
                    throw new InvalidSpecException($"formula: {name} appears twice in one product; write a power instead ({name}^2).");
                }

                factors.Add((index, power));
                names.Add(power == 1 ? name : $"{name}^{power}");
            }
            while (Accept(":"));
            if (Peek().Is("*"))
            {
                throw Error(Peek(), "'*' is not supported; write the interaction x:z and the main effects x + z");
            }

            return [new FormulaTerm(string.Join(":", names), factors)];
        }

        /// <summary>A variable: code, or log/log1p/lag/diff/reporter/partner/pair of one.</summary>
        public (ModelVariable Variable, string Name) Variable(string what)
        {
            FormulaToken t = Next();
            if (!t.IsName)
            {
                throw Error(t, $"expected {what} (an indicator code or a function of one)");
            }

            if (!Accept("("))
            {
                return (new ModelVariable { Indicator = t.Text }, t.Text);
            }

            (ModelVariable inner, string innerName) = Variable($"the variable inside {t.Text}()");
            ModelVariable v = inner.Clone();
            string name;
            switch (t.Text)
            {
                case "log" or "log1p":
                    if (inner.Transform != VariableTransform.Unspecified || inner.Lag != 0)
                    {
                        throw Error(t, $"{t.Text}() takes a code or a side of one; write lag({t.Text}(x), k) for a lagged log");
                    }

                    v.Transform = t.Text == "log" ? VariableTransform.Log : VariableTransform.Log1P;
                    name = $"{t.Text}({innerName})";
                    break;
                case "lag" or "l" or "diff" or "d":
                    int k = 1;
                    if (Accept(","))
                    {
                        k = Integer(1, SpecValidation.MaxLag, "the lag");
                    }

                    bool difference = t.Text is "diff" or "d";
                    if (inner.Lag != 0 || (difference && inner.Transform != VariableTransform.Unspecified))
                    {
                        throw Error(t, difference ? "diff() takes a code or a side of one" : "lag() takes a code, a side or a log of one, once");
                    }

                    v.Lag = k;
                    v.Transform = difference ? VariableTransform.Difference : inner.Transform == VariableTransform.Unspecified ? VariableTransform.Lag : inner.Transform;
                    name = $"{(difference ? "diff" : "lag")}({innerName}, {k.ToString(CultureInfo.InvariantCulture)})";
                    break;
                case "reporter" or "partner" or "pair":
                    if (inner.Transform != VariableTransform.Unspecified || inner.Side != VariableSide.Unspecified)
                    {
                        throw Error(t, $"{t.Text}() takes a code; write log({t.Text}(x))");
                    }

                    v.Side = t.Text switch { "reporter" => VariableSide.Reporter, "partner" => VariableSide.Partner, _ => VariableSide.Pair };
                    name = $"{t.Text}({innerName})";
                    break;
                default:
                    throw Error(t, "the functions are log, log1p, lag, diff, poly, reporter, partner and pair");
            }

            Expect(")", $"to close {t.Text}(");
            return (v, name);
        }

        /// <summary>One set of effects: dimensions joined by ^, in canonical names.</summary>
        public string Effect()
        {
            var parts = new List<string>();
            do
            {
                FormulaToken t = Next();
                if (!t.IsName || !_dimensions.TryGetValue(t.Text, out string? dimension))
                {
                    throw Error(t, "fixed effects are reporter (exporter), partner (importer), year (period), pair, sympair, or products of them with ^");
                }

                if (parts.Contains(dimension))
                {
                    throw Error(t, $"{dimension} appears twice in one product");
                }

                parts.Add(dimension);
            }
            while (Accept("^"));
            return string.Join("^", parts);
        }

        private int Integer(int min, int max, string what)
        {
            FormulaToken t = Next();
            if (!t.IsNumber || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw Error(t, $"{what} must be an integer in {min}–{max}");
            }

            return value;
        }

        private static int Index(List<ModelVariable> variables, ModelVariable v)
        {
            int index = variables.FindIndex(x => x.Equals(v));
            if (index < 0)
            {
                variables.Add(v);
                index = variables.Count - 1;
            }

            return index;
        }
    }
}
