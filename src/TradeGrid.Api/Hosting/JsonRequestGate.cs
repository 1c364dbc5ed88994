using System.Buffers;
using System.Text.Json;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TradeGrid.Domain;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Stands before JSON transcoding on every transcoded route: bounds the body (TradeGrid:Limits:MaxJsonBodyBytes,
/// 413 before the body is read when Content-Length says so, else as soon as the count passes the limit), checks it
/// against the request message (<see cref="JsonMessageValidator"/>) and checks each query parameter names a field
/// and holds a value of its type. A refusal here is the same google.rpc.Status JSON the transcoder writes.
/// It also gives ResourceExhausted answers from the handlers HTTP 413 (the transcoder's 429 is kept for a busy
/// server, see <see cref="JobSlots"/>).
/// </summary>
public sealed class JsonRequestGate(RequestDelegate next, IOptions<RequestLimits> limits)
{
    /// <summary>HttpContext.Items key set when a request is refused because the server is busy: 429 stays 429.</summary>
    public const string BusyItem = "TradeGrid.Busy";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        GrpcJsonTranscodingMetadata? transcoding = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (transcoding is null)
        {
            await next(context);
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests && !context.Items.ContainsKey(BusyItem))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
            return Task.CompletedTask;
        });
        try
        {
            HttpRule rule = transcoding.HttpRule;
            CheckQuery(context.Request, transcoding.MethodDescriptor.InputType, rule);
            if (rule.Body.Length > 0)
            {
                byte[] body = await ReadBodyAsync(context.Request, limits.Value.MaxJsonBodyBytes, context.RequestAborted);
                Validate(body, BodyDescriptor(transcoding.MethodDescriptor.InputType, rule.Body));
                context.Request.Body = new MemoryStream(body, writable: false);
                context.Request.ContentLength = body.Length;
                // `curl -X POST URL` with no body sends no content type; the body read here is JSON either way.
                context.Request.ContentType ??= "application/json";
            }
        }
        catch (InvalidSpecException ex)
        {
            await JsonErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, ex.Message);
            return;
        }
        catch (ResourceLimitException ex)
        {
            await JsonErrorResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted, ex.Message);
            return;
        }
        await next(context);
    }

    private static void CheckQuery(HttpRequest request, MessageDescriptor input, HttpRule rule)
    {
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in request.Query)
        {
            string name = InputQuote.Quote(key);
            if (rule.Body == "*")
            {
                throw new InvalidSpecException($"query parameter {name}: this route takes every field in the JSON body; move it there");
            }
            MessageDescriptor message = input;
            FieldDescriptor? field = null;
            foreach (string part in key.Split('.'))
            {
                if (field is not null)
                {
                    message = field.FieldType == FieldType.Message ? field.MessageType : throw Unknown(name, message);
                }
                field = JsonMessageValidator.Find(message, part) ?? throw Unknown(name, message);
            }
            if (field is null || request.RouteValues.ContainsKey(field.Name) || (rule.Body.Length > 0 && key.Split('.')[0] == rule.Body))
            {
                throw new InvalidSpecException($"query parameter {name}: already given by the route or body; give it once");
            }
            if (values.Count > 1 && !field.IsRepeated)
            {
                throw new InvalidSpecException($"query parameter {name}: given {values.Count} times; it takes one value");
            }
            foreach (string? value in values)
            {
                JsonMessageValidator.ValidateQueryValue(value ?? string.Empty, field, key);
            }
        }
    }

    private static InvalidSpecException Unknown(string name, MessageDescriptor message) =>
        new($"query parameter {name}: unknown; {message.Name} takes {string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName))}");

    private static MessageDescriptor BodyDescriptor(MessageDescriptor input, string body) =>
        body == "*" ? input : input.FindFieldByName(body).MessageType;

    private static void Validate(byte[] body, MessageDescriptor message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // The reader's own message names the token it met, never a .NET type.
            string why = ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0];
            throw new InvalidSpecException($"body: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {why}");
        }
        using (document)
        {
            JsonMessageValidator.Validate(document.RootElement, message);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(request.ContentLength.Value, limit);
        }
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        while (true)
        {
            Memory<byte> free = buffer.GetMemory(16 * 1024);
            int n = await request.Body.ReadAsync(free, cancellationToken);
            if (n == 0)
            {
                break;
            }
            buffer.Advance(n);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(null, limit);
            }
        }
        return buffer.WrittenCount == 0 ? EmptyObject : buffer.WrittenSpan.ToArray();
    }

    private static ResourceLimitException TooLarge(long? length, long limit) =>
        new($"body: {(length is { } l ? $"{l} bytes, over" : "over")} the server's limit of {limit} bytes for a JSON request (TradeGrid:Limits:MaxJsonBodyBytes); "
            + "a JSON request carries a specification, not data: send data with Import (gRPC, streamed), or raise the limit");
}
