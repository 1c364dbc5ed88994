using System.Reflection;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// One RPC the server serves, taken from the generated descriptors (every service in TradeGrid's protos, plus
/// health and reflection), with what it takes to call it without its generated client: a request built from the
/// descriptor (empty, or with its store/dry_run flag set) and a gRPC method of untyped messages.
/// </summary>
public sealed record ServedRpc(MethodDescriptor Method)
{
    /// <summary>
    /// The path to the bool field that decides whether the request stores: store, Fill's dry_run, or a scenario's
    /// spec.store (null: none).
    /// </summary>
    public FieldDescriptor[]? Flag =>
        (Method.InputType.FindFieldByName("store") ?? Method.InputType.FindFieldByName("dry_run")) is { } top ? [top]
        : Method.InputType.FindFieldByName("spec") is { FieldType: FieldType.Message } spec && spec.MessageType.FindFieldByName("store") is { } nested ? [spec, nested]
        : null;

    /// <summary>"DataService.GetSeries".</summary>
    public string Name => $"{Method.Service.Name}.{Method.Name}";

    /// <summary>Every RPC of every service in the TradeGrid protos (a service added to protos/ is in it once built), plus health and reflection.</summary>
    public static IReadOnlyList<ServedRpc> All()
    {
        IEnumerable<FileDescriptor> files = typeof(DataService).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DataService).Namespace && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
        files = files.Append(Grpc.Health.V1.HealthReflection.Descriptor).Append(Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor);
        return files.SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(m => new ServedRpc(m)).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
    }

    public static ServedRpc Find(string name) => All().Single(r => r.Name == name);

    /// <summary>The request: empty, or with <see cref="Flag"/> set to true.</summary>
    public IMessage Request(bool flag)
    {
        IMessage message = Method.InputType.Parser.ParseFrom(ByteString.Empty);
        if (flag)
        {
            FieldDescriptor[] path = Flag!; // callers ask for the flag only when there is one
            IMessage target = message;
            foreach (FieldDescriptor field in path[..^1])
            {
                IMessage inner = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                field.Accessor.SetValue(target, inner);
                target = inner;
            }
            path[^1].Accessor.SetValue(target, true);
        }
        return message;
    }

    /// <summary>The JSON route (google.api.http), or null for a gRPC-only RPC.</summary>
    public HttpRule? Http => Method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    /// <summary>Calls the RPC once and returns the status it ends with (a stream is read to its first message or end).</summary>
    public async Task<StatusCode> CallAsync(CallInvoker invoker, IMessage request, Metadata headers)
    {
        var method = new Method<IMessage, IMessage>(Kind, Method.Service.FullName, Method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => Method.InputType.Parser.ParseFrom(b)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => Method.OutputType.Parser.ParseFrom(b)));
        var options = new CallOptions(headers);
        try
        {
            switch (Kind)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, request).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                    using (AsyncServerStreamingCall<IMessage> call = invoker.AsyncServerStreamingCall(method, null, options, request))
                    {
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                    }
                    break;
                case MethodType.ClientStreaming:
                    using (AsyncClientStreamingCall<IMessage, IMessage> call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await CompleteAsync(call.RequestStream);
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (AsyncDuplexStreamingCall<IMessage, IMessage> call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await CompleteAsync(call.RequestStream);
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private MethodType Kind => (Method.IsClientStreaming, Method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };

    // A refused call may already have ended: completing its request stream then fails, and the status is in the response.
    private static async Task CompleteAsync(IClientStreamWriter<IMessage> stream)
    {
        try
        {
            await stream.CompleteAsync();
        }
        catch (RpcException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    public override string ToString() => Name;
}
