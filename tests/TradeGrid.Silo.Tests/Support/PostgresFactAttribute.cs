namespace TradeGrid.Silo.Tests.Support;

/// <summary>
/// A test that needs PostgreSQL: skipped, saying why, when <see cref="TestPostgres.Variable"/> is not set (a developer's
/// machine without a server). Never skipped in CI (<c>CI=true</c>): .ci/run starts a server and fails when it cannot,
/// and a test run there without one fails rather than skips.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Connection is null && !TestPostgres.InCi)
        {
            Skip = $"{TestPostgres.Variable} is not set: start PostgreSQL (bash .ci/postgres prints a connection string) and export it to run the cluster tests";
        }
    }
}
