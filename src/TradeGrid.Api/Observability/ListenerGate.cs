using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Observability;

/// <summary>
/// After routing: an endpoint marked <see cref="AdminListenerOnly"/> answers 404 on every other listener, and the
/// admin and metrics listeners answer 404 to everything else (the API is never reachable through them, and the
/// dashboard never through the API's ports).
/// </summary>
public sealed class ListenerGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        bool adminEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<AdminListenerOnly>() is not null;
        Listener listener = ListenerMark.Of(context);
        bool allowed = listener switch
        {
            Listener.Admin => adminEndpoint,
            Listener.Public => !adminEndpoint,
            _ => false, // the scrape endpoint answered before routing; nothing else lives there
        };
        if (!allowed)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
