using System.Globalization;
using System.Text;

namespace TradeGrid.Domain;

/// <summary>
/// The one way an error message quotes what a user sent: at most <see cref="MaxChars"/> characters, control and
/// other non-printing characters escaped, and the full length said when cut. A 10 MB line or a binary upload must
/// not come back whole in a message (it would overflow response headers and logs) nor as raw bytes.
/// </summary>
public static class InputQuote
{
    /// <summary>Characters of user input an error message shows before cutting.</summary>
    public const int MaxChars = 80;

    /// <summary><c>'text'</c>, or <c>'first 80 characters…' (12345 characters)</c> when longer.</summary>
    public static string Quote(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxChars) + 24);
        builder.Append('\'');
        int shown = Math.Min(text.Length, MaxChars);
        // A surrogate pair cut in half would leave a lone surrogate in the message.
        if (shown < text.Length && shown > 0 && char.IsHighSurrogate(text[shown - 1]))
        {
            shown--;
        }
        AppendEscaped(builder, text[..shown]);
        if (shown < text.Length)
        {
            builder.Append("…' (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }
        else
        {
            builder.Append('\'');
        }
        return builder.ToString();
    }

    public static string Quote(string? text) => Quote((text ?? string.Empty).AsSpan());

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsPrintable(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Letters, digits, punctuation, symbols and the plain space; not controls, lone surrogates, U+FFFD or format marks.</summary>
    private static bool IsPrintable(char c) => c == ' ' || (c != '\uFFFD' && char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    });
}
