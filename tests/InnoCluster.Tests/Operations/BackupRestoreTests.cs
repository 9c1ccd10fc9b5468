using System.Formats.Tar;
using System.IO.Compression;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Backup;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Operations;

/// <summary>
/// A backup taken while the platform runs, restored into an empty data directory and database, gives the same
/// platform: its records, its files, its search and an intact audit chain. A damaged archive restores nothing.
/// </summary>
public abstract class BackupRestoreTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected BackupRestoreTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_RestoredIntoAnEmptyPlace_GivesTheSamePlatform_AndADamagedArchiveRestoresNothing()
    {
        var name = $"备份测试企业{Guid.NewGuid():N}"[..14];
        await app.WithDbAsync(db =>
        {
            db.Add(new Enterprise { Name = name, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync(Ct);
        });
        var paths = app.Services.GetRequiredService<InnoClusterPaths>();
        Directory.CreateDirectory(Path.Combine(paths.DataDirectory, "uploads"));
        await File.WriteAllTextAsync(Path.Combine(paths.DataDirectory, "uploads", "probe.bin"), "营业执照扫描件", Ct);
        var work = TestPaths.NewTempDirectory();
        var archive = Path.Combine(work, "backup.tar.gz");
        var manifest = await BackupArchive.CreateAsync(app.Services.GetRequiredService<DatabaseInfo>(), paths, archive, app.Clock.GetUtcNow(), Ct);
        Assert.Contains(manifest.Files, f => f.Path == "files/uploads/probe.bin");

        // Into the running platform's own database: refused.
        await Assert.ThrowsAsync<InvalidOperationException>(() => BackupArchive.RestoreAsync(archive, app.Services.GetRequiredService<DatabaseInfo>(), paths, Ct));

        // A damaged archive: refused before anything is written.
        var damaged = await DamagedCopyAsync(archive, work);
        await using (var untouched = new TestApp<TTarget>())
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => BackupArchive.RestoreAsync(damaged, Target(untouched), Paths(untouched), Ct));
            Assert.Contains("probe.bin", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(untouched.Database.DataDirectory, "uploads", "probe.bin")));
        }

        await using var restored = new TestApp<TTarget>();
        await BackupArchive.RestoreAsync(archive, Target(restored), Paths(restored), Ct);
        await restored.InitializeAsync();
        var client = restored.CreateClient();
        Assert.True(await restored.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(e => e.Name == name, Ct)));
        Assert.Equal(5, (await client.GetJsonAsync("/api/search?q=人工智能&pageSize=50"))["page"]!["total"]!.GetValue<int>());
        Assert.Equal("营业执照扫描件", await File.ReadAllTextAsync(Path.Combine(restored.Database.DataDirectory, "uploads", "probe.bin"), Ct));
        await using var scope = restored.Scope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>(), Ct);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
        Directory.Delete(work, recursive: true);
    }

    private static DatabaseInfo Target(TestApp<TTarget> target) =>
        new(typeof(TTarget) == typeof(SqliteTarget) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, target.Database.ConnectionString);

    private static InnoClusterPaths Paths(TestApp<TTarget> target) => new(target.Database.DataDirectory, TestPaths.Seed, TestPaths.SeedDocuments);

    private static async Task<string> DamagedCopyAsync(string archive, string work)
    {
        var unpacked = Directory.CreateDirectory(Path.Combine(work, "unpacked")).FullName;
        await using (var input = File.OpenRead(archive))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(gzip, unpacked, overwriteFiles: false, Ct);
        }

        await File.AppendAllTextAsync(Path.Combine(unpacked, "files", "uploads", "probe.bin"), "被改过", Ct);
        var damaged = Path.Combine(work, "damaged.tar.gz");
        await using (var output = File.Create(damaged))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            await TarFile.CreateFromDirectoryAsync(unpacked, gzip, includeBaseDirectory: false, Ct);
        }

        return damaged;
    }
}

public sealed class SqliteBackupRestoreTests(TestApp<SqliteTarget> app) : BackupRestoreTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresBackupRestoreTests(TestApp<PostgresTarget> app) : BackupRestoreTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
