using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>Sends a <see cref="BadInput"/> through gRPC (any rpc, as bytes) or its JSON route, and returns the answer.</summary>
public static partial class BadInputRunner
{
    private static readonly FileDescriptor[] Files =
    [
        DataServiceReflection.Descriptor, DescribeServiceReflection.Descriptor, EstimateServiceReflection.Descriptor,
        ExtrapolationServiceReflection.Descriptor, ForecastServiceReflection.Descriptor, ScenarioServiceReflection.Descriptor,
        WriteServiceReflection.Descriptor,
    ];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static MethodDescriptor Method(string rpc)
    {
        string[] parts = rpc.Split('.');
        return Files.SelectMany(f => f.Services).Single(s => s.Name == parts[0]).FindMethodByName(parts[1]);
    }

    public static async Task<(StatusCode Code, string Message)> GrpcAsync(GrpcChannel channel, BadInput input)
    {
        try
        {
            if (input.Upload is not null)
            {
                await new DataService.DataServiceClient(channel).ImportAsync(input.Upload, input.UploadHeader ?? new ImportHeader { FileName = "bad.csv" });
                return (StatusCode.OK, string.Empty);
            }
            MethodDescriptor method = Method(input.Rpc);
            byte[] request = input.RawProtobuf ?? input.Request!.ToByteArray(); // ! every gRPC case has one or the other
            var options = new CallOptions(deadline: input.PastDeadline ? DateTime.UtcNow.AddSeconds(-1) : DateTime.UtcNow.AddMinutes(2));
            CallInvoker invoker = channel.CreateCallInvoker();
            if (method.IsServerStreaming)
            {
                var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, method.Service.FullName, method.Name, Bytes, Bytes);
                using AsyncServerStreamingCall<byte[]> call = invoker.AsyncServerStreamingCall(streaming, null, options, request);
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }
            else
            {
                var unary = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
                await invoker.AsyncUnaryCall(unary, null, options, request);
            }
            return (StatusCode.OK, string.Empty);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail);
        }
    }

    public static async Task<(HttpStatusCode Http, StatusCode Code, string Message)> JsonAsync(HttpClient http, BadInput input)
    {
        HttpRule rule = Method(input.Rpc).GetOptions().GetExtension(AnnotationsExtensions.Http);
        IMessage? request = input.Request;
        bool post = rule.PatternCase == HttpRule.PatternOneofCase.Post;
        string template = post ? rule.Post : rule.Get;
        var used = new HashSet<string>();
        string path = RouteVariable().Replace(template, m =>
        {
            used.Add(m.Groups[1].Value);
            return Uri.EscapeDataString(request is null ? string.Empty : Value(request, m.Groups[1].Value));
        });
        using var message = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, path + (input.Query is { } q ? "?" + q : post || request is null ? string.Empty : Query(request, used)));
        if (post)
        {
            message.Content = new StringContent(input.Json ?? (request is null ? "{}" : JsonFormatter.Default.Format(request)), Encoding.UTF8, "application/json");
        }
        using HttpResponseMessage response = await http.SendAsync(message);
        string text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, StatusCode.OK, string.Empty);
        }
        // A streaming route's error may follow a started 200; both forms carry google.rpc.Status JSON.
        using JsonDocument body = JsonDocument.Parse(text);
        return (response.StatusCode, (StatusCode)body.RootElement.GetProperty("code").GetInt32(), body.RootElement.GetProperty("message").GetString()!);
    }

    private static string Value(IMessage message, string field) =>
        message.Descriptor.FindFieldByName(field)?.Accessor.GetValue(message)?.ToString() ?? string.Empty;

    private static string Query(IMessage message, HashSet<string> used)
    {
        var parts = new List<string>();
        foreach (FieldDescriptor field in message.Descriptor.Fields.InDeclarationOrder().Where(f => !used.Contains(f.Name)))
        {
            object value = field.Accessor.GetValue(message);
            IEnumerable<object> values = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (object v in values)
            {
                string text = v is bool b ? (b ? "true" : "false") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (!field.IsRepeated && (text is "" or "0" or "false"))
                {
                    continue;
                }
                parts.Add($"{field.JsonName}={Uri.EscapeDataString(text)}");
            }
        }
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteVariable();
}
