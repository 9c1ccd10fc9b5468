using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// SQLite in a folder on a small file system of its own. scripts/test.sh mounts one (tmpfs) and names it
/// in INNOCLUSTER_TEST_SMALL_DISK; without it these tests are skipped.
/// </summary>
public sealed class SmallDiskTarget : DatabaseTarget
{
    public SmallDiskTarget()
        : base(Path.Combine(Root ?? Path.GetTempPath(), "innocluster-" + Guid.NewGuid().ToString("N")))
    {
        Directory.CreateDirectory(DataDirectory);
    }

    public static string? Root => Environment.GetEnvironmentVariable("INNOCLUSTER_TEST_SMALL_DISK") is { Length: > 0 } root && Directory.Exists(root) ? root : null;

    public override string Name => "SQLite on a small disk";

    public override bool Available => Root is not null;

    public override string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "test.db")}";
}

/// <summary>
/// The data directory filling up, and a migration lock left by a process that died (issue 22): clear
/// errors, nothing half-written, and recovery without a restart.
/// </summary>
public sealed class StorageFailureTests(TestApp<SmallDiskTarget> app) : IClassFixture<TestApp<SmallDiskTarget>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output)> CliAsync(params string[] words)
    {
        var output = new StringWriter();
        await using var scope = app.Scope();
        var command = CliCommand.Parse(words)!;
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Where(v => v.Words.Count <= command.Words.Count && v.Words.Select((w, i) => w == command.Words[i]).All(x => x)).MaxBy(v => v.Words.Count)!;
        var code = await verb.RunAsync(command, scope.ServiceProvider, output, Ct);
        return (code, output.ToString());
    }

    [Fact]
    public async Task FullDisk_DuringADocumentImport_RefusesPerFile_KeepsTheDatabaseWhole_AndRecoversWhenSpaceReturns()
    {
        Assert.SkipUnless(SmallDiskTarget.Root is not null, "no small disk: scripts/test.sh mounts one and sets INNOCLUSTER_TEST_SMALL_DISK");
        var laws = TestPaths.Fixture("laws-sample");
        var filler = Path.Combine(SmallDiskTarget.Root!, "filler-" + Guid.NewGuid().ToString("N"));
        await FillAsync(filler, leave: 300 * 1024);

        try
        {
            var (code, output) = await CliAsync("import", "documents", laws);
            Assert.Equal(1, code);
            Assert.Contains("the disk holding the data is full", output, StringComparison.Ordinal);
            Assert.Contains("Stopped: the disk is full", output, StringComparison.Ordinal);

            using var whileFull = await app.CreateClient().GetAsync("/api/search?q=条例", Ct);
            Assert.Equal(HttpStatusCode.OK, whileFull.StatusCode);
        }
        finally
        {
            File.Delete(filler);
        }

        // Nothing half-written: the file passes SQLite's check and every document has its current version.
        var check = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(Ct));
        Assert.Equal(["ok"], check);
        Assert.False(await app.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.CurrentVersionId == null, Ct)));

        // Space is back: the same command stores the rest, and search finds them without a restart.
        var (again, log) = await CliAsync("import", "documents", laws);
        Assert.True(again == 0, log);
        var found = await app.CreateClient().GetFromJsonAsync<JsonObject>("/api/search?q=个人信息保护法", Ct);
        Assert.Contains(found!["page"]!["items"]!.AsArray(), i => i!["title"]!.GetValue<string>().Contains("个人信息保护法", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullDisk_DuringAnUpload_Is507_AndTheUploadWorksWhenSpaceReturns()
    {
        Assert.SkipUnless(SmallDiskTarget.Root is not null, "no small disk: scripts/test.sh mounts one and sets INNOCLUSTER_TEST_SMALL_DISK");
        var client = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [InnoCluster.Infrastructure.Web.Roles.ScenarioOwner]));
        var pdf = new byte[2 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var filler = Path.Combine(SmallDiskTarget.Root!, "filler-" + Guid.NewGuid().ToString("N"));
        await FillAsync(filler, leave: 512 * 1024);
        try
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "report.pdf" } };
            using var full = await client.PostAsync("/api/me/files", form, Ct);
            Assert.Equal((HttpStatusCode)507, full.StatusCode);
            Assert.Contains("磁盘空间已满，未保存", await full.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(filler);
        }

        using var again = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "report.pdf" } };
        using var stored = await client.PostAsync("/api/me/files", again, Ct);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
    }

    /// <summary>Writes a file until <paramref name="leave"/> bytes are free (written, not sized: a sparse file would take no room).</summary>
    private async Task FillAsync(string filler, long leave)
    {
        var free = new DriveInfo(app.Database.DataDirectory).AvailableFreeSpace;
        await using var stream = File.Create(filler);
        var chunk = new byte[64 * 1024];
        for (var left = free - leave; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), Ct);
        }
    }
}

/// <summary>A migration lock row left behind by a process killed while it migrated.</summary>
public sealed class MigrationLockTests(TestApp<SqliteTarget> app) : IClassFixture<TestApp<SqliteTarget>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaleMigrationLock_IsReportedAndCleared_AndStartUpCompletes()
    {
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)", Ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-30 03:14:15')", Ct);
            return 0;
        });

        // What a server or CLI does at start: before, this waited forever on the row.
        await app.Services.GetRequiredService<DatabasePreparation>().RunAsync(seed: false, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(0, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync(Ct)));
        Assert.Contains(app.Logs.Lines, m => m.Contains("Removed a migration lock left in the database at 2026-11-30 03:14:15", StringComparison.Ordinal));
    }
}
