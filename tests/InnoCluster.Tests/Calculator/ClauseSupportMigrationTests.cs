using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InnoCluster.Tests.Calculator;

/// <summary>
/// A database made before clauses had several support items keeps its clauses: the migration moves
/// each clause's one item into the list (amounts, deferred flag, method), and its old revisions, which
/// hold one "support" object, still read as terms for past dates.
/// </summary>
public abstract class ClauseSupportMigrationTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private const string LegacyTerms = """{"title":"研发补助","support":{"method":"Subsidy","cap":5000000,"ratePercent":10,"rateBase":"rd-spend","undetermined":false},"conditions":[],"status":"Confirmed"}""";

    protected abstract InnoClusterDbContext Context(string connectionString);

    protected abstract string Timestamp { get; }

    [Fact]
    public async Task OldClauses_KeepTheirAmounts_AsOneSupportItem()
    {
        await using var target = new TTarget();
        Assert.SkipUnless(target.Available, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Context(target.ConnectionString))
        {
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ClauseItemsFactAmbiguityOutboxKeys", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before, ct);
            var sql = $"""
                INSERT INTO policy_clauses (id, title, method, cap, rate_percent, rate_base, undetermined, conditions_json, status, revision, created_at, updated_at)
                VALUES (1, '研发补助', 'Subsidy', 5000000, 10, 'rd-spend', {False}, '[]', 'Confirmed', 1, {Timestamp}, {Timestamp});
                INSERT INTO policy_clauses (id, title, method, amount_text, undetermined, conditions_json, status, revision, created_at, updated_at)
                VALUES (2, '重大项目', 'Award', '一事一议', {True}, '[]', 'Proposed', 1, {Timestamp}, {Timestamp});
                INSERT INTO policy_clause_revisions (clause_id, number, recorded_at, recorded_by, terms_json)
                VALUES (1, 1, {Timestamp}, 'seed', '{LegacyTerms.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)}');
                """;
            // Constants of this test only (braces doubled: raw SQL is a format string); no input reaches the SQL.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        await using (var db = Context(target.ConnectionString))
        {
            var clauses = await db.Set<PolicyClause>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            var rated = Assert.Single(clauses[0].Support);
            Assert.Equal((SupportMethod.Subsidy, 5_000_000m, 10m, "rd-spend", false), (rated.Method, rated.Cap, rated.RatePercent, rated.RateBase, rated.Undetermined));
            Assert.Equal("按研发投入的10%，最高500万元", clauses[0].Terms.DescribeSupport());
            var deferred = Assert.Single(clauses[1].Support);
            Assert.Equal((SupportMethod.Award, "一事一议", true, (decimal?)null), (deferred.Method, deferred.AmountText, deferred.Undetermined, deferred.Cap));

            var revision = await db.Set<ClauseRevision>().AsNoTracking().SingleAsync(ct);
            var terms = revision.ReadTerms();
            Assert.Equal(5_000_000m, Assert.Single(terms.Support).Cap);
            Assert.Equal(3_000_000m, terms.EstimateMaximum(new EnterpriseProfile { RdSpend = 30_000_000 }));
        }
    }

    private static string False => typeof(TTarget) == typeof(SqliteTarget) ? "0" : "false";

    private static string True => typeof(TTarget) == typeof(SqliteTarget) ? "1" : "true";
}

public sealed class SqliteClauseSupportMigrationTests : ClauseSupportMigrationTests<SqliteTarget>
{
    protected override string Timestamp => "0";

    protected override InnoClusterDbContext Context(string connectionString) =>
        new SqliteInnoClusterDbContext((DbContextOptions<SqliteInnoClusterDbContext>)DatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<SqliteInnoClusterDbContext>(), connectionString).Options);
}

public sealed class PostgresClauseSupportMigrationTests : ClauseSupportMigrationTests<PostgresTarget>
{
    protected override string Timestamp => "now()";

    protected override InnoClusterDbContext Context(string connectionString) =>
        new PostgresInnoClusterDbContext((DbContextOptions<PostgresInnoClusterDbContext>)DatabaseSetup.ConfigurePostgres(new DbContextOptionsBuilder<PostgresInnoClusterDbContext>(), connectionString).Options);
}
