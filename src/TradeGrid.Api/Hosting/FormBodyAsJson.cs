using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// `curl -d '{...}'` sends a JSON body labelled application/x-www-form-urlencoded. The JSON routes take no form
/// posts, so such a body on a /v1/ route is read as the JSON it is, instead of being refused for its label.
/// </summary>
public static class FormBodyAsJson
{
    public static IApplicationBuilder UseFormBodyAsJson(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        HttpRequest request = context.Request;
        if (request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.ContentType = "application/json";
        }

        await next(context);
    });
}
