using System.Security.Cryptography;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Seeding;

/// <summary>Applies the provider's migrations, then the seed steps whose files changed.</summary>
public sealed class DatabasePreparation(
    IServiceScopeFactory scopes,
    IEnumerable<ISeedStep> steps,
    InnoClusterPaths paths,
    TimeProvider clock,
    ILogger<DatabasePreparation> logger)
{
    public bool IsReady { get; private set; }

    public async Task RunAsync(bool seed, CancellationToken cancellationToken)
    {
        var actor = Auditing.CliActor.Current;
        Auditing.CliActor.Current ??= new Auditing.CliActor(null, "system:seed", null);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            await using var migrating = await SqliteMigrationLock.AcquireAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseInfo>(), logger, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (seed)
        {
            foreach (var step in steps.OrderBy(s => s.Order))
            {
                await ApplyIfChangedAsync(step, cancellationToken);
            }
        }

        Auditing.CliActor.Current = actor;
        IsReady = true;
    }

    private async Task ApplyIfChangedAsync(ISeedStep step, CancellationToken cancellationToken)
    {
        var hash = HashFiles(step.Files, step.Version);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var previous = await db.Set<SeedRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Name == step.Name, cancellationToken);
        if (previous?.ContentHash == hash)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await step.ApplyAsync(db, new SeedContext(paths, clock, scope.ServiceProvider), cancellationToken);
            var run = await db.Set<SeedRun>().SingleOrDefaultAsync(r => r.Name == step.Name, cancellationToken);
            if (run is null)
            {
                run = new SeedRun { Name = step.Name };
                db.Set<SeedRun>().Add(run);
            }

            run.ContentHash = hash;
            run.AppliedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        logger.LogInformation("Seed step {Step} applied", step.Name);
    }

    private string HashFiles(IReadOnlyList<string> files, int version)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(version));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(paths.SeedDirectory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Seed file '{file}' is missing from {paths.SeedDirectory}.", path);
            }

            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            hash.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
