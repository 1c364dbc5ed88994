using TradeGrid.Api.Hosting;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// Which addresses the server serves without authentication: loopback yes, any other address only when told to
/// (--allow-anonymous); with keys configured, any address. Nothing is started: the refusal comes while building.
/// </summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public void A_public_address_without_authentication_is_refused_with_how_to_configure_it()
    {
        StartupRefusedException ex = Assert.Throws<StartupRefusedException>(() => TradeGridHost.Build(["--host", "0.0.0.0", .. HostBuild.Ports]));

        Assert.Contains("refusing to listen on 0.0.0.0 without authentication", ex.Message);
        Assert.Contains("new-api-key", ex.Message);
        Assert.Contains("TradeGrid:Auth:ApiKeys", ex.Message);
        Assert.Contains("--allow-anonymous", ex.Message);
    }

    [Fact]
    public async Task The_server_process_says_why_and_exits_2()
    {
        int exit = await ServerMain.RunAsync(["--host", "0.0.0.0", .. HostBuild.Ports]);

        Assert.Equal(2, exit);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Loopback_without_authentication_is_served(string host) =>
        await HostBuild.BuildsAsync(["--host", host, .. HostBuild.Ports]);

    [Fact]
    public async Task A_public_address_is_served_anonymously_when_told_to() =>
        await HostBuild.BuildsAsync(["--host", "0.0.0.0", "--allow-anonymous", .. HostBuild.Ports]);

    [Fact]
    public async Task A_public_address_is_served_with_keys() =>
        await HostBuild.BuildsAsync(["--host", "0.0.0.0", .. new TestKeys(Roles.Admin).Arguments, .. HostBuild.Ports]);

    [Theory]
    [InlineData("--TradeGrid:Auth:ApiKeys:0:Role=owner", "Role 'owner'")]
    [InlineData("--TradeGrid:Auth:ApiKeys:0:Hash=not base64!", "Salt and Hash must be base64")]
    [InlineData("--TradeGrid:Auth:AnonymousRole=guest", "AnonymousRole 'guest'")]
    [InlineData("--TradeGrid:RateLimits:Requests:TokenLimit=0", "TradeGrid:RateLimits:Requests:TokenLimit must be at least 1")]
    public void A_configuration_that_cannot_work_is_refused_naming_the_setting(string setting, string named)
    {
        StartupRefusedException ex = Assert.Throws<StartupRefusedException>(() => TradeGridHost.Build([.. new TestKeys(Roles.Admin).Arguments, setting, .. HostBuild.Ports]));

        Assert.Contains(named, ex.Message);
    }
}
