using Google.Protobuf;

namespace TradeGrid.Api.Security;

/// <summary>
/// Who may call one RPC: the role it needs (empty: open to every caller), the request that makes it a write (then it
/// needs writer, whatever <see cref="Role"/> says: a reader may forecast, not store the forecast), and whether it is a
/// long job (limited per caller by the jobs concurrency limiter).
/// </summary>
public sealed record RpcAccess(string Role, Func<IMessage, bool>? Stores = null, bool LongJob = false)
{
    /// <summary>Health and reflection: answered without credentials unless configured otherwise.</summary>
    public bool Open => Role.Length == 0;

    /// <summary>The role a call with <paramref name="request"/> needs.</summary>
    public string RoleFor(IMessage request) => Stores is not null && Stores(request) ? Roles.Writer : Role;
}
