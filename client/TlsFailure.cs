using System.Security.Authentication;
using Grpc.Core;

namespace TradeGrid.Cli;

/// <summary>Tells a call that failed in the TLS handshake (an untrusted or wrong certificate) from other failures.</summary>
internal static class TlsFailure
{
    /// <summary>The handshake's own message, or null when the call did not fail in TLS.</summary>
    public static string? Of(RpcException ex)
    {
        for (Exception? inner = ex.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException authentication)
            {
                return authentication.Message;
            }
        }
        return null;
    }
}
