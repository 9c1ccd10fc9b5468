using System.Security.Cryptography;
using System.Text;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// The audit chain against someone who can write the database (issue 22): rows deleted from the end and a
/// chain recomputed after an edit are both reported by `audit verify`. Each case spoils its database, so
/// each starts a platform of its own.
/// </summary>
public abstract class AuditChainTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestApp<TTarget>> FreshAppAsync()
    {
        var app = new TestApp<TTarget>();
        Assert.SkipUnless(app.Database.Available, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        await app.InitializeAsync();
        for (var i = 0; i < 3; i++)
        {
            await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        }

        return app;
    }

    private static async Task<(int Code, string Output)> AuditAsync(TestApp<TTarget> app, string action)
    {
        var output = new StringWriter();
        await using var scope = app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["audit"]));
        var code = await verb.RunAsync(CliCommand.Parse(["audit", action])!, scope.ServiceProvider, output, Ct);
        return (code, output.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task DeletingTheNewestRows_AfterAnAnchor_IsReported(int deleted)
    {
        await using var app = await FreshAppAsync();
        Assert.Equal(0, (await AuditAsync(app, "anchor")).Code);
        var (intact, before) = await AuditAsync(app, "verify");
        Assert.True(intact == 0, before);
        var last = await app.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence, Ct));

        await AuditTampering.WithoutTriggersAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE sequence > {0}", [last - deleted], Ct));

        var (code, output) = await AuditAsync(app, "verify");
        Assert.Equal(1, code);
        Assert.Contains($"the chain ends at sequence {last - deleted}", output, StringComparison.Ordinal);
        Assert.Contains($"saw it reach {last}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingARow_AndRecomputingTheChainWithoutTheKey_IsReported()
    {
        await using var app = await FreshAppAsync();
        Assert.Equal(0, (await AuditAsync(app, "anchor")).Code);
        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct));
        var edited = rows[rows.Count / 2];

        // The attacker changes a denial into a success and rebuilds every hash after it, the only way one
        // can without the key: plain SHA-256 over the same fields, each row linked to the one before.
        await AuditTampering.WithoutTriggersAsync(app, async db =>
        {
            var previous = rows[(rows.Count / 2) - 1].Hash;
            foreach (var row in rows.Skip(rows.Count / 2))
            {
                row.Result = row.Sequence == edited.Sequence ? "ok-edited" : row.Result;
                row.PreviousHash = previous;
                row.Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.Canonical()))).ToLowerInvariant();
                previous = row.Hash;
                await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET result = {0}, previous_hash = {1}, hash = {2} WHERE sequence = {3}", [row.Result, row.PreviousHash, row.Hash, row.Sequence], Ct);
            }
        });

        var (code, output) = await AuditAsync(app, "verify");
        Assert.Equal(1, code);
        Assert.Contains($"sequence {edited.Sequence}: its content does not match its keyed hash", output, StringComparison.Ordinal);
        Assert.Contains($"sequence {rows[^1].Sequence}: differs from the anchor", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlteredAnchor_IsReported()
    {
        await using var app = await FreshAppAsync();
        Assert.Equal(0, (await AuditAsync(app, "anchor")).Code);
        var file = app.Services.GetRequiredService<AuditAnchors>().File;
        var line = (await File.ReadAllLinesAsync(file, Ct)).Single();
        var last = await app.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence, Ct));
        await File.WriteAllTextAsync(file, line.Replace($"\"Sequence\":{last},", $"\"Sequence\":{last - 10},", StringComparison.Ordinal) + "\n", Ct);

        var (code, output) = await AuditAsync(app, "verify");
        Assert.Equal(1, code);
        Assert.Contains("not a valid anchor", output, StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditChainTests : AuditChainTests<SqliteTarget>;

public sealed class PostgresAuditChainTests : AuditChainTests<PostgresTarget>;
