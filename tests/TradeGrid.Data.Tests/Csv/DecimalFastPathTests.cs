using System.Globalization;
using System.Text;
using TradeGrid.Data.Csv;

namespace TradeGrid.Data.Tests.Csv;

public sealed class DecimalFastPathTests
{
    [Fact]
    public void Every_decimal_it_accepts_is_the_double_the_general_parser_gives_bit_for_bit()
    {
        var random = new Random(17);
        int accepted = 0;
        for (int trial = 0; trial < 200_000; trial++)
        {
            var text = new StringBuilder();
            text.Append(random.Next(4) switch { 0 => "-", 1 => "+", _ => "" });
            int digits = random.Next(0, 19);
            int point = random.Next(-1, digits + 1);
            for (int d = 0; d < digits; d++)
            {
                if (d == point)
                {
                    text.Append('.');
                }
                text.Append((char)('0' + random.Next(10)));
            }
            if (point == digits || random.Next(50) == 0)
            {
                text.Append(random.Next(3) == 0 ? "e5" : ".");
            }
            string s = text.ToString();

            if (DecimalFastPath.TryParse(s, out double fast))
            {
                accepted++;
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(fast));
            }
        }
        // The fast path has to carry most plain decimals, or it is no fast path.
        Assert.True(accepted > 100_000, $"accepted {accepted}");
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1234567890123456")]
    [InlineData(" 1")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("NaN")]
    public void Anything_but_a_short_plain_decimal_is_left_to_the_general_parser(string text)
    {
        Assert.False(DecimalFastPath.TryParse(text, out _));
    }
}
