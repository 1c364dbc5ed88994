namespace TradeGrid.Api.Observability;

/// <summary>Endpoint metadata: the endpoint answers on the admin listener only (a 404 elsewhere).</summary>
public sealed class AdminListenerOnly
{
    public static readonly AdminListenerOnly Instance = new();

    private AdminListenerOnly()
    {
    }
}
