namespace TradeGrid.Api.Security;

/// <summary>
/// The three roles, each including the ones before it: <c>reader</c> (queries, describe, fits, forecasts and
/// predictions that store nothing), <c>writer</c> (imports and every stored fill, prediction, forecast or world
/// estimate), <c>admin</c> (API keys, limits, the audit log). The role names are also the authorization policies' names.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Writer = "writer";
    public const string Admin = "admin";

    /// <summary>The claim type the roles are held in, for API keys and (after mapping) JWTs alike.</summary>
    public const string ClaimType = "tradegrid:role";

    public static readonly IReadOnlyList<string> All = [Reader, Writer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role and the roles it includes: admin → admin, writer, reader.</summary>
    public static IEnumerable<string> Implied(string role) => role switch
    {
        Admin => [Admin, Writer, Reader],
        Writer => [Writer, Reader],
        Reader => [Reader],
        _ => [],
    };

    /// <summary>The highest of the known roles given (empty when none is known).</summary>
    public static string Highest(IEnumerable<string> roles)
    {
        int best = -1;
        foreach (string role in roles)
        {
            best = Math.Max(best, All.ToList().IndexOf(role));
        }
        return best < 0 ? string.Empty : All[best];
    }
}
