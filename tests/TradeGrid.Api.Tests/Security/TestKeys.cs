using TradeGrid.Api.Security;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// API keys made for a test server, one per role, as the server would make them (<see cref="ApiKeySecret"/>), and the
/// command-line settings that configure them (TradeGrid:Auth:ApiKeys:N:...).
/// </summary>
public sealed class TestKeys
{
    private readonly List<string> _arguments = [];
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public TestKeys(params string[] ids)
    {
        foreach (string id in ids)
        {
            string role = Roles.IsKnown(id) ? id : Roles.Reader;
            (string key, string salt, string hash) = ApiKeySecret.Create(id);
            int n = _keys.Count;
            _keys[id] = key;
            _arguments.AddRange([
                $"--TradeGrid:Auth:ApiKeys:{n}:Id={id}", $"--TradeGrid:Auth:ApiKeys:{n}:Role={role}",
                $"--TradeGrid:Auth:ApiKeys:{n}:Salt={salt}", $"--TradeGrid:Auth:ApiKeys:{n}:Hash={hash}",
            ]);
        }
    }

    /// <summary>The key of <paramref name="id"/> (a role name gives a key with that role; any other id a reader key).</summary>
    public string this[string id] => _keys[id];

    public IReadOnlyList<string> Arguments => _arguments;
}
