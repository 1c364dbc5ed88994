using TradeGrid.Data.Model;

namespace TradeGrid.Data.Tests.Model;

public sealed class EconomyCodeTests
{
    [Theory]
    [InlineData("CHN", true)]
    [InlineData("EU27", true)]
    [InlineData("ITC_TOP10", true)]
    [InlineData("C", false)]
    [InlineData("chn", false)]
    [InlineData("ABCDEFGHIJKLM", false)]
    [InlineData("CH N", false)]
    public void Codes_follow_the_rule(string code, bool valid) => Assert.Equal(valid, EconomyCode.IsValid(code));
}
