using Google.Protobuf;
using Grpc.Core;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>Which transports a catalogue case goes through.</summary>
public enum Transport
{
    /// <summary>The same request message through gRPC and through its JSON route.</summary>
    Both,
    GrpcOnly,
    JsonOnly,
}

/// <summary>
/// One bad input: what is sent, the status it must get, the words its message must hold (the field or line, and
/// the fix). <see cref="Request"/> is sent as protobuf and, through the rpc's google.api.http route, as JSON;
/// <see cref="Json"/> or <see cref="Query"/> replace the JSON form, <see cref="RawProtobuf"/> the gRPC one,
/// <see cref="Upload"/> is an Import's file.
/// </summary>
public sealed record BadInput(string Id, string Rpc, string Input, StatusCode Code, string Field, string Fix)
{
    public Transport Transport { get; init; } = Transport.Both;

    public IMessage? Request { get; init; }

    /// <summary>A JSON body sent as is (POST routes).</summary>
    public string? Json { get; init; }

    /// <summary>A query string sent as is (GET routes; route variables still come from <see cref="Request"/>).</summary>
    public string? Query { get; init; }

    public byte[]? RawProtobuf { get; init; }

    /// <summary>An Import's file and header.</summary>
    public byte[]? Upload { get; init; }

    public TradeGrid.Api.V1.ImportHeader? UploadHeader { get; init; }

    /// <summary>A gRPC deadline already passed when the call starts.</summary>
    public bool PastDeadline { get; init; }

    /// <summary>Every long-job slot is held by the test while the call runs (the server is busy).</summary>
    public bool ServerBusy { get; init; }

    /// <summary>The category the docs group it under.</summary>
    public string Category { get; init; } = "request";

    public override string ToString() => Id;
}
