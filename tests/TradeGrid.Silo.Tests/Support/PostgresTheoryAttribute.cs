namespace TradeGrid.Silo.Tests.Support;

/// <summary>A theory that needs PostgreSQL; skipped like <see cref="PostgresFactAttribute"/> when it is not configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestPostgres.Connection is null && !TestPostgres.InCi)
        {
            Skip = $"{TestPostgres.Variable} is not set: start PostgreSQL (bash .ci/postgres prints a connection string) and export it to run the cluster tests";
        }
    }
}
