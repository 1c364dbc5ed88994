using System.Text.Encodings.Web;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Hosting;

/// <summary>Writes an error as JSON transcoding does: <c>{"code": 3, "message": "...", "details": []}</c> (google.rpc.Status).</summary>
public static class JsonErrorResponse
{
    public static async Task WriteAsync(HttpContext context, int httpStatus, StatusCode code, string message)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Relaxed escaping: the message is read by people, and 'x' reads better than \u0027x\u0027.
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("code", (int)code);
        writer.WriteString("message", message);
        writer.WriteStartArray("details");
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
