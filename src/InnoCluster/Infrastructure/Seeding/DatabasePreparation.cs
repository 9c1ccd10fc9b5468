using System.Security.Cryptography;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Seeding;

/// <summary>
/// Applies the provider's migrations, then the seed steps whose files changed — or, on a node of a
/// several-node deployment where that is a deploy step (`migrate`, `seed`; Database:PrepareAtStart=false),
/// only checks that it was done and reports ready when it has been.
/// </summary>
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

    /// <summary>
    /// Ready when no migration is pending and every seed step is applied as it stands; nothing is written.
    /// Returns what is missing, for the log (empty when ready).
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var missing = new List<string>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            missing.Add($"{pending.Count} migrations pending ({string.Join(", ", pending)})");
            IsReady = false;
            return missing;
        }

        var applied = await db.Set<SeedRun>().AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.ContentHash, cancellationToken);
        missing.AddRange(steps.Where(step => applied.GetValueOrDefault(step.Name) != HashFiles(step.Files, step.Version)).Select(step => $"seed step {step.Name} not applied"));
        IsReady = missing.Count == 0;
        return missing;
    }

    /// <summary>Checks every 5 s, in the background, until the deploy step has migrated and seeded the database.</summary>
    public void WatchUntilReady(CancellationToken stopping) => _ = Task.Run(
        async () =>
        {
            string? reported = null;
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    var missing = await CheckAsync(stopping);
                    if (missing.Count == 0)
                    {
                        logger.LogInformation("Database prepared by the deploy step: ready");
                        return;
                    }

                    var now = string.Join("; ", missing);
                    if (now != reported)
                    {
                        logger.LogWarning("Not ready: {Missing}. Run `innocluster migrate` and `innocluster seed` once for the deployment", now);
                        reported = now;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Not ready: the database does not answer ({Error})", ex.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        },
        stopping);

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
