using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Security;

/// <summary>
/// The part of authorization the endpoint cannot see: the request. A Forecast, ForecastAll, Predict or EstimateWorld
/// with <c>store</c>, or a Fill that is not a dry run, writes data and needs the writer role, though the RPC itself
/// needs only reader (<see cref="RpcAccess.Stores"/>). Refused with PermissionDenied (HTTP 403) before anything runs.
/// </summary>
public sealed class StoreAccessInterceptor(IAuthorizationService authorization) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(request, context);
        await continuation(request, responseStream, context);
    }

    private async Task CheckAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        if (request is not IMessage message || RpcAccessTable.ForPath(context.Method) is not { Stores: not null } access || access.RoleFor(message) != Roles.Writer)
        {
            return;
        }
        HttpContext http = context.GetHttpContext();
        AuthorizationResult result = await authorization.AuthorizeAsync(http.User, Roles.Writer);
        if (!result.Succeeded)
        {
            string role = CallerIdentity.Role(http.User);
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{RpcName(context.Method)}: this request stores its results ({StoreField(message)}), which needs the writer role; "
                + $"the caller {CallerIdentity.Name(http)} holds {(role.Length > 0 ? role : "no role")}. Use a writer key, or ask without storing."));
        }
    }

    private static string StoreField(IMessage message) =>
        message.Descriptor.FindFieldByName("dry_run") is not null ? "dry_run is false"
        : message.Descriptor.FindFieldByName("spec") is not null ? "spec.store is true"
        : "store is true";

    // "/tradegrid.v1.DataService/Import" → "DataService.Import"
    public static string RpcName(string path)
    {
        string name = path.TrimStart('/').Replace('/', '.');
        int service = name.LastIndexOf('.', name.LastIndexOf('.') - 1);
        return service >= 0 ? name[(service + 1)..] : name;
    }
}
