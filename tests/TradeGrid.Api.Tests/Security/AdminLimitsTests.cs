using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// Per-caller limits set by an admin through AdminService: they apply to the caller's next request on this gateway,
/// name themselves in the refusal, are listed beside configuration's, fall back to configuration when removed, and a
/// limit stored by another silo applies once this gateway reads the limits again. Buckets refill once an hour, so a
/// refusal never depends on the machine's speed.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class AdminLimitsTests(SecuredServer server) : IClassFixture<SecuredServer>
{
    private const double AnHour = 3600;

    private AdminService.AdminServiceClient Admin => new(server.Channel.WithApiKey(server.Keys[Roles.Admin]));

    [Fact]
    public async Task An_admin_limit_applies_to_the_callers_next_request_and_removing_it_restores_configuration()
    {
        var reader = new DataService.DataServiceClient(server.Channel.WithApiKey(server.Keys[Roles.Reader]));
        for (int i = 0; i < 5; i++)
        {
            await reader.ListGroupsAsync(new ListGroupsRequest()); // configuration's bucket holds 4,000
        }

        SetCallerLimitResponse set = await Admin.SetCallerLimitAsync(new SetCallerLimitRequest
        {
            Caller = "key:reader", TokenLimit = 2, TokensPerPeriod = 1, ReplenishmentPeriodSeconds = AnHour,
        });
        await reader.ListGroupsAsync(new ListGroupsRequest());
        await reader.ListGroupsAsync(new ListGroupsRequest());
        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => reader.ListGroupsAsync(new ListGroupsRequest()).ResponseAsync);
        RemoveCallerLimitResponse removed = await Admin.RemoveCallerLimitAsync(new RemoveCallerLimitRequest { Caller = "key:reader" });
        ListGroupsResponse after = await reader.ListGroupsAsync(new ListGroupsRequest());

        Assert.Equal("admin", set.Limit.Origin);
        Assert.Equal("key:admin", set.Limit.SetBy);
        Assert.Equal(2, set.Limit.Jobs); // left 0: configuration's JobsPerCaller
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("key:reader has used its 2 requests", refused.Status.Detail);
        Assert.Contains("the admin limit of key:reader, set by key:admin (SetCallerLimit)", refused.Status.Detail);
        Assert.Equal(2, removed.Limit.TokenLimit);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task ListLimits_shows_the_default_configurations_and_the_admins_limits()
    {
        await Admin.SetCallerLimitAsync(new SetCallerLimitRequest { Caller = "jwt:carol", Jobs = 5 });

        ListLimitsResponse limits = await Admin.ListLimitsAsync(new ListLimitsRequest());

        Assert.True(limits.Enabled);
        Assert.Equal((4000, 200, 0.1, 2), (limits.DefaultLimit.TokenLimit, limits.DefaultLimit.TokensPerPeriod, limits.DefaultLimit.ReplenishmentPeriodSeconds, limits.DefaultLimit.Jobs));
        CallerLimit limited = Assert.Single(limits.Callers, l => l.Caller == "key:limited");
        Assert.Equal(("configuration", SecuredServer.LimitedTokens, AnHour), (limited.Origin, limited.TokenLimit, limited.ReplenishmentPeriodSeconds));
        CallerLimit carol = Assert.Single(limits.Callers, l => l.Caller == "jwt:carol");
        Assert.Equal(("admin", 4000, 5), (carol.Origin, carol.TokenLimit, carol.Jobs));
        Assert.Equal(5, limits.RefreshSeconds);
    }

    [Fact]
    public async Task A_limit_stored_by_another_silo_applies_once_this_gateway_reads_the_limits_again()
    {
        var writer = new DataService.DataServiceClient(server.Channel.WithApiKey(server.Keys[Roles.Writer]));
        ICallerLimitStoreGrain store = server.Services.GetRequiredService<IGrainFactory>().CallerLimits();
        await store.Set(new StoredCallerLimit
        {
            Caller = "key:writer", TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriodSeconds = AnHour, Jobs = 1,
            SetBy = "key:elsewhere", SetAt = DateTimeOffset.UtcNow,
        });

        await Admin.ListLimitsAsync(new ListLimitsRequest()); // reads the stored limits, as the refresh does
        await writer.ListGroupsAsync(new ListGroupsRequest());
        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => writer.ListGroupsAsync(new ListGroupsRequest()).ResponseAsync);
        await store.Remove("key:writer");
        await Admin.ListLimitsAsync(new ListLimitsRequest());
        ListGroupsResponse after = await writer.ListGroupsAsync(new ListGroupsRequest());

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("set by key:elsewhere", refused.Status.Detail);
        Assert.NotNull(after);
    }

    [Theory]
    [InlineData("", 1, 0, 0, 0, "caller")]
    [InlineData("reader", 1, 0, 0, 0, "caller")]
    [InlineData("key:", 1, 0, 0, 0, "caller")]
    [InlineData("anonymous@127.0.0.1", 1, 0, 0, 0, "caller")]
    [InlineData("key:reader", -1, 0, 0, 0, "token_limit")]
    [InlineData("key:reader", 0, 2_000_000, 0, 0, "tokens_per_period")]
    [InlineData("key:reader", 0, 0, 0, 1001, "jobs")]
    [InlineData("key:reader", 0, 0, -1, 0, "replenishment_period_seconds")]
    [InlineData("key:reader", 0, 0, 3601, 0, "replenishment_period_seconds")]
    [InlineData("key:reader", 0, 0, double.NaN, 0, "replenishment_period_seconds")]
    [InlineData("key:reader", 0, 0, 0, 0, "give at least one")]
    public async Task A_wrong_limit_is_refused_naming_the_field_and_stores_nothing(string caller, int tokens, int refill, double period, int jobs, string named)
    {
        ListLimitsResponse before = await Admin.ListLimitsAsync(new ListLimitsRequest());

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => Admin.SetCallerLimitAsync(new SetCallerLimitRequest
        {
            Caller = caller, TokenLimit = tokens, TokensPerPeriod = refill, ReplenishmentPeriodSeconds = period, Jobs = jobs,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(named, ex.Status.Detail);
        Assert.Equal(before.Callers, (await Admin.ListLimitsAsync(new ListLimitsRequest())).Callers);
    }

    [Fact]
    public async Task Removing_a_limit_never_set_is_not_found_and_a_reader_may_not_set_one()
    {
        var asReader = new AdminService.AdminServiceClient(server.Channel.WithApiKey(server.Keys[Roles.Reader]));

        RpcException missing = await Assert.ThrowsAsync<RpcException>(() => Admin.RemoveCallerLimitAsync(new RemoveCallerLimitRequest { Caller = "key:nobody" }).ResponseAsync);
        RpcException denied = await Assert.ThrowsAsync<RpcException>(() => asReader.SetCallerLimitAsync(new SetCallerLimitRequest { Caller = "key:reader", TokenLimit = 100_000 }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("key:nobody", missing.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
