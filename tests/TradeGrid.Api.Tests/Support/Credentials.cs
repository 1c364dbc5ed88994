using Grpc.Core;
using Grpc.Core.Interceptors;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.Tests.Support;

/// <summary>A channel whose every call carries one request header: an API key, a bearer token, or any other.</summary>
public static class Credentials
{
    public static CallInvoker WithApiKey(this ChannelBase channel, string key) => channel.WithHeader(ApiKeyAuthenticationHandler.KeyHeader, key);

    public static CallInvoker WithBearer(this ChannelBase channel, string token) => channel.WithHeader("authorization", $"Bearer {token}");

    public static CallInvoker WithHeader(this ChannelBase channel, string name, string value) => channel.Intercept(metadata =>
    {
        metadata.Add(name, value);
        return metadata;
    });
}
