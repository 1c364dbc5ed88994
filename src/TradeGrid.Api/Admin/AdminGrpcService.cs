using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.RateLimiting;
using TradeGrid.Api.Security;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Abstractions.Security;
using TradeGrid.Grains.Audit;

namespace TradeGrid.Api.Admin;

/// <summary>tradegrid.v1.AdminService (the admin role): API keys made and revoked through the server, per-caller limits, and the audit log.</summary>
public sealed class AdminGrpcService(
    IGrainFactory grains, IAuditStore audit, IOptions<AuthOptions> auth, ApiKeyValidator validator, AdminCallerLimits limits,
    IOptions<RateLimitOptions> rateLimits, TimeProvider time)
    : AdminService.AdminServiceBase
{
    private const int DefaultAuditLimit = 100;
    private const int MaxAuditLimit = 10_000;

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        string id = request.Id?.Trim() ?? string.Empty;
        if (ApiKeySecret.IdError(id) is { } error)
        {
            throw new InvalidSpecException($"id {InputQuote.Quote(id)}: {error}");
        }
        string role = AdminMapping.RoleName(request.Role)
            ?? throw new InvalidSpecException("role: give ROLE_READER, ROLE_WRITER or ROLE_ADMIN");
        if (auth.Value.ApiKeys.Any(k => k.Id == id))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"id '{id}': a key in configuration has this id; choose another"));
        }
        (string key, string salt, string hash) = ApiKeySecret.Create(id);
        var stored = new StoredApiKey
        {
            Id = id,
            Role = role,
            Salt = salt,
            Hash = hash,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = CallerIdentity.Name(context.GetHttpContext()),
            Description = request.Description ?? string.Empty,
        };
        if (!await grains.ApiKeys().Add(stored, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"id '{id}': a key with this id exists or existed (ids of revoked keys are not reused); choose another"));
        }
        validator.Invalidate();
        return new CreateApiKeyResponse { Key = key, ApiKey = AdminMapping.ToProto(stored) };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var response = new ListApiKeysResponse();
        response.ApiKeys.AddRange(auth.Value.ApiKeys.OrderBy(k => k.Id, StringComparer.Ordinal).Select(AdminMapping.ToProto));
        response.ApiKeys.AddRange((await grains.ApiKeys().List(context.CancellationToken)).Select(AdminMapping.ToProto));
        return response;
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        string id = request.Id?.Trim() ?? string.Empty;
        if (auth.Value.ApiKeys.Any(k => k.Id == id))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"id '{id}': this key is in configuration (TradeGrid:Auth:ApiKeys); remove it there and restart the servers to revoke it"));
        }
        StoredApiKey revoked = await grains.ApiKeys().Revoke(id, CallerIdentity.Name(context.GetHttpContext()), time.GetUtcNow(), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"id {InputQuote.Quote(id)}: no such key; see ListApiKeys"));
        validator.Invalidate();
        return new RevokeApiKeyResponse { ApiKey = AdminMapping.ToProto(revoked) };
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > MaxAuditLimit)
        {
            throw new InvalidSpecException($"limit {request.Limit}: give 1 to {MaxAuditLimit} (0: {DefaultAuditLimit})");
        }
        int limit = request.Limit == 0 ? DefaultAuditLimit : request.Limit;
        AuditRecord[] records = await audit.Latest(limit, request.Caller?.Trim() ?? string.Empty, context.CancellationToken);
        var response = new ListAuditEntriesResponse();
        response.Entries.AddRange(records.Select(AdminMapping.ToProto));
        return response;
    }

    public override async Task<ListLimitsResponse> ListLimits(ListLimitsRequest request, ServerCallContext context)
    {
        IReadOnlyDictionary<string, StoredCallerLimit> stored = await limits.RefreshAsync(context.CancellationToken);
        return LimitMapping.ToProto(rateLimits.Value, stored.Values);
    }

    public override async Task<SetCallerLimitResponse> SetCallerLimit(SetCallerLimitRequest request, ServerCallContext context)
    {
        StoredCallerLimit limit = CallerLimitRequest.ToStored(request, rateLimits.Value, CallerIdentity.Name(context.GetHttpContext()), time.GetUtcNow());
        await grains.CallerLimits().Set(limit, context.CancellationToken);
        limits.Put(limit);
        return new SetCallerLimitResponse { Limit = LimitMapping.ToProto(limit) };
    }

    public override async Task<RemoveCallerLimitResponse> RemoveCallerLimit(RemoveCallerLimitRequest request, ServerCallContext context)
    {
        string caller = CallerLimitRequest.Caller(request.Caller);
        StoredCallerLimit removed = await grains.CallerLimits().Remove(caller, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"caller {InputQuote.Quote(caller)}: no admin limit is set for it; see ListLimits"));
        limits.Forget(caller);
        return new RemoveCallerLimitResponse { Limit = LimitMapping.ToProto(removed) };
    }
}
