using System.Net;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Identity;

/// <summary>The audit trail: complete, chained, append-only, and failing closed.</summary>
public abstract class AuditTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected AuditTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output)> VerifyAsync()
    {
        var output = new StringWriter();
        await using var scope = _app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["audit"]));
        var code = await verb.RunAsync(CliCommand.Parse(["audit", "verify"])!, scope.ServiceProvider, output, Ct);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Write_ThroughTheApi_IsAuditedWithWhoWhatAndBeforeAfter()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, official);
        var body = new { columns = new Dictionary<string, string> { ["公司"] = "Name" }, impliedTiers = Array.Empty<string>(), mode = "Upsert", description = "审计测试" };
        using var response = await client.PutAsync("/api/import-mappings/audit-test", System.Net.Http.Json.JsonContent.Create(body), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var rows = await _app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Subject == "import_mappings" && e.ActorId == official.Id).ToListAsync(Ct));
        var created = Assert.Single(rows);
        Assert.Equal("create", created.Action);
        Assert.Equal(official.Email, created.ActorName);
        Assert.Contains("审计测试", created.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterNormalUse_IsIntact()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        await TestUsers.SignInAsync(_app, owner);
        var (code, output) = await VerifyAsync();
        Assert.True(code == 0, output);
        Assert.Contains("intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRows_CannotBeUpdated_ByTheDatabaseItself()
    {
        await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor_name = 'someone else'", Ct)));
        Assert.Contains("append-only", ex.ToString(), StringComparison.Ordinal);
        var young = await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", Ct)));
        Assert.Contains("180 days", young.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WhenTheAuditCannotBeWritten_FailsAndChangesNothing()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, official);
        var block = _app.Database is PostgresTarget
            ? "CREATE OR REPLACE FUNCTION audit_block() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$; CREATE TRIGGER audit_block BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_block();"
            : "CREATE TRIGGER audit_block BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;";
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(block, Ct));
        try
        {
            var body = new { columns = new Dictionary<string, string> { ["公司"] = "Name" }, impliedTiers = Array.Empty<string>(), mode = "Upsert" };
            using var response = await client.PutAsync("/api/import-mappings/must-not-exist", System.Net.Http.Json.JsonContent.Create(body), Ct);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var stored = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Registry.Import.ImportMapping>().CountAsync(m => m.Name == "must-not-exist", Ct));
            Assert.Equal(0, stored);
            var problem = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("audit store unavailable", problem, StringComparison.Ordinal); // no internals in the answer
        }
        finally
        {
            await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                _app.Database is PostgresTarget ? "DROP TRIGGER audit_block ON audit_entries" : "DROP TRIGGER audit_block", Ct));
        }
    }

    [Fact]
    public async Task Logs_AndAuditRows_NeverHoldPasswordsSecretsOrTokens()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        await TestUsers.SignInAsync(_app, official);
        var client = await TestUsers.TokenClientAsync(_app, official);
        await client.GetAsync("/api/me", Ct);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var user = await _app.WithDbAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == official.Id, Ct));
        string[] secrets = [official.Password, official.TotpSecret!, token, user.PasswordHash!, user.SecurityStamp!];

        var audit = await _app.WithDbAsync(db => db.Set<AuditEntry>().Select(e => e.Changes + " " + e.Detail + " " + e.ActorName).ToListAsync(Ct));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(audit, row => row.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Export_IsAudited()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, official);
        using var response = await client.GetAsync("/api/enterprises/export?district=sip", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await _app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "export" && e.ActorId == official.Id).ToListAsync(Ct));
        Assert.Contains("district=sip", Assert.Single(rows).Detail, StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditTests(TestApp<SqliteTarget> app) : AuditTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresAuditTests(TestApp<PostgresTarget> app) : AuditTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;

/// <summary>Tampering breaks the chain for good, so it has a database of its own.</summary>
public abstract class AuditTamperTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected AuditTamperTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output)> VerifyAsync()
    {
        var output = new StringWriter();
        await using var scope = _app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["audit"]));
        var code = await verb.RunAsync(CliCommand.Parse(["audit", "verify"])!, scope.ServiceProvider, output, Ct);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Verify_AfterSomeoneBypassesTheTriggersToEditOrDeleteARow_ReportsIt()
    {
        await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        Assert.Equal(0, (await VerifyAsync()).Code);
        var sequences = await _app.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.Sequence).Take(5).ToListAsync(Ct));
        await AuditTampering.WithoutTriggersAsync(_app, async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET result = 'denied' WHERE sequence = {0}", [sequences[1]], Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE sequence = {0}", [sequences[3]], Ct);
        });

        var (code, output) = await VerifyAsync();
        Assert.Equal(1, code);
        Assert.Contains($"sequence {sequences[1]}: its content does not match its keyed hash", output, StringComparison.Ordinal);
        Assert.Contains($"sequence {sequences[3]}", output, StringComparison.Ordinal);
        Assert.Contains("missing", output, StringComparison.Ordinal);
        await AuditTampering.RestoreAsync(_app);
    }
}

public sealed class SqliteAuditTamperTests(TestApp<SqliteTarget> app) : AuditTamperTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresAuditTamperTests(TestApp<PostgresTarget> app) : AuditTamperTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
