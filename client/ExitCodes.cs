using Grpc.Core;

namespace TradeGrid.Cli;

/// <summary>The client's exit code for each gRPC status, so scripts can tell a typo from a dead server.</summary>
internal static class ExitCodes
{
    public static int For(StatusCode status) => status switch
    {
        StatusCode.OK => 0,
        StatusCode.InvalidArgument => 2,
        StatusCode.NotFound => 3,
        StatusCode.FailedPrecondition => 4,
        StatusCode.ResourceExhausted => 5,
        StatusCode.Unavailable => 6,
        StatusCode.DeadlineExceeded => 7,
        StatusCode.Cancelled => 8,
        StatusCode.Unauthenticated => 9,
        StatusCode.PermissionDenied => 10,
        _ => 1,
    };
}
