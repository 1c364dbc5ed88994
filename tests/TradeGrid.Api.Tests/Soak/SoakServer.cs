using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Soak;

/// <summary>The default dataset behind authentication (a reader and a writer key), rate limits at their defaults.</summary>
public sealed class SoakServer : ServerFixture
{
    public TestKeys Keys { get; } = new(Roles.Reader, Roles.Writer);

    protected override IEnumerable<string> Arguments => Keys.Arguments;
}
