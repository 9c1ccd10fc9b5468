using InnoCluster.Infrastructure.Search;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// The schema EF cannot write, in one place, for each provider: the full-text tables (from the search
/// dialect) and the guard that keeps audit rows append-only (updates refused; deletes refused for rows
/// younger than 180 days, Cybersecurity Law art. 21). The initial migrations call it.
/// </summary>
public static class HandWrittenSchema
{
    public static void Create(MigrationBuilder migration, DatabaseProvider provider)
    {
        ISearchDialect dialect = provider == DatabaseProvider.Postgres ? new PostgresSearchDialect() : new SqliteSearchDialect();
        foreach (var index in SearchIndex.All)
        {
            migration.Sql(dialect.CreateIndexSql(index));
        }

        foreach (var statement in AuditGuard(provider))
        {
            migration.Sql(statement);
        }
    }

    /// <summary>The statements that make audit rows append-only.</summary>
    public static IReadOnlyList<string> AuditGuard(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? PostgresAuditGuard : SqliteAuditGuard;

    public static void Drop(MigrationBuilder migration, DatabaseProvider provider)
    {
        foreach (var index in SearchIndex.All)
        {
            migration.Sql($"DROP TABLE IF EXISTS {index.TableName};");
        }

        migration.Sql(provider == DatabaseProvider.Postgres
            ? "DROP TRIGGER IF EXISTS audit_entries_guard ON audit_entries; DROP FUNCTION IF EXISTS audit_entries_guard();"
            : "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_keep_180_days;");
    }

    private static readonly string[] SqliteAuditGuard =
    [
        "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;",
        "CREATE TRIGGER audit_entries_keep_180_days BEFORE DELETE ON audit_entries WHEN OLD.at > (CAST(strftime('%s','now') AS INTEGER) - 180 * 86400) * 10000000 + 621355968000000000 BEGIN SELECT RAISE(ABORT, 'audit rows younger than 180 days are kept'); END;",
    ];

    private static readonly string[] PostgresAuditGuard =
    [
        PostgresGuardFunction,
        "CREATE TRIGGER audit_entries_guard BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();",
    ];

    private const string PostgresGuardFunction = """
        CREATE OR REPLACE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'audit rows are append-only'; END IF;
          IF OLD.at > now() - interval '180 days' THEN RAISE EXCEPTION 'audit rows younger than 180 days are kept'; END IF;
          RETURN OLD;
        END $$;
        """;
}
