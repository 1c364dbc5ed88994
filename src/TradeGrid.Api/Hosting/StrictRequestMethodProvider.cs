using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Binds gRPC services as grpc-dotnet's own binder does, except that each request marshaller turns a message that
/// is not valid protobuf into InvalidArgument. grpc-dotnet reads a unary or server-streaming request before any
/// interceptor runs, and an exception from its deserializer becomes UNKNOWN "Exception was thrown by handler.": the
/// marshaller is the one place that sees it. Registered in place of grpc-dotnet's binder (see <see cref="Replace"/>).
/// </summary>
public sealed class StrictRequestMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // The generated base class says where its static BindService(ServiceBinderBase, TBase) is.
        for (Type? type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                MethodInfo method = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType}.{bind.BindMethodName} not found for {typeof(TService)}");
                method.Invoke(null, [new Binder(context, type), null]);
                return;
            }
        }
    }

    /// <summary>Swaps grpc-dotnet's binder provider for this one; fails at start if grpc-dotnet's is not found.</summary>
    public static void Replace(IServiceCollection services)
    {
        ServiceDescriptor binder = services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                && d.ImplementationType?.Name == "BinderServiceMethodProvider`1")
            ?? throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider is not registered; call AddGrpc first (or its name changed in this version)");
        services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(StrictRequestMethodProvider<>));
    }

    private static Marshaller<T> Strict<T>(Marshaller<T> inner, string method) => new(inner.ContextualSerializer, context =>
    {
        try
        {
            return inner.ContextualDeserializer(context);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"request: not a valid {typeof(T).Name} protobuf message ({ex.Message}); send the message {method} takes, serialized by a gRPC client generated from protos/tradegrid/v1"));
        }
    });

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type baseType) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Wrap(method), Metadata(method.Name, out MethodInfo m), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Wrap(method), Metadata(method.Name, out MethodInfo m), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Wrap(method), Metadata(method.Name, out MethodInfo m), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Wrap(method), Metadata(method.Name, out MethodInfo m), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(m));

        private static Method<TRequest, TResponse> Wrap<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class where TResponse : class =>
            new(method.Type, method.ServiceName, method.Name, Strict(method.RequestMarshaller, method.FullName), method.ResponseMarshaller);

        private static TDelegate Invoker<TDelegate>(MethodInfo method) where TDelegate : Delegate =>
            (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), method);

        /// <summary>The service's override of the generated virtual method, with the attributes grpc-dotnet collects.</summary>
        private List<object> Metadata(string name, out MethodInfo method)
        {
            method = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Single(m => m.Name == name && m.IsVirtual && m.GetBaseDefinition().DeclaringType == baseType);
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(method.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }
    }
}
