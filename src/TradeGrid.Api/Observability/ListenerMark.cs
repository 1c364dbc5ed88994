using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Observability;

/// <summary>Marks a listener's connections with their <see cref="Listener"/> and reads the mark back from a request.</summary>
public static class ListenerMark
{
    private const string Key = "TradeGrid.Listener";

    /// <summary>Kestrel connection middleware: every connection accepted on this listener carries <paramref name="listener"/>.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Set(Listener listener) => next => connection =>
    {
        connection.Items[Key] = listener;
        return next(connection);
    };

    /// <summary>The listener the request came in on; unmarked connections (a test server without Kestrel) are public.</summary>
    public static Listener Of(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(Key, out object? value) == true && value is Listener listener
            ? listener
            : Listener.Public;
}
