using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Security;

/// <summary>
/// Refuses a request before it reaches a service, in the caller's protocol: a gRPC call gets a trailers-only response
/// with <c>grpc-status</c> and <c>grpc-message</c> (so the client sees Unauthenticated, PermissionDenied or
/// ResourceExhausted, not a bare HTTP status), a JSON call the HTTP status and the google.rpc.Status body that JSON
/// transcoding writes.
/// </summary>
public static class GrpcStatusResponse
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, StatusCode code, int httpStatus, string message)
    {
        if (!IsGrpc(context.Request))
        {
            return JsonErrorResponse.WriteAsync(context, httpStatus, code, message);
        }
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

    // The gRPC spec's encoding of grpc-message: printable ASCII except '%' as is, every other byte of the UTF-8 as %XX.
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
