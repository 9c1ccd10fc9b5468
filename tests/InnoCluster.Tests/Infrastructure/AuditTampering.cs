using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>What someone with write access to the database can do to the audit trail: drop its guards and edit rows.</summary>
public static class AuditTampering
{
    public static async Task WithoutTriggersAsync<TTarget>(TestApp<TTarget> app, Func<InnoClusterDbContext, Task> tamper)
        where TTarget : DatabaseTarget, new()
    {
        await app.WithDbAsync(async db =>
        {
            if (app.Database is PostgresTarget)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_guard");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_keep_180_days;");
            }

            await tamper(db);
            return 0;
        });
    }

    /// <summary>Puts the guards back for the other tests of the class (the chain stays broken: a fresh app per class).</summary>
    public static Task RestoreAsync<TTarget>(TestApp<TTarget> app)
        where TTarget : DatabaseTarget, new() =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            app.Database is PostgresTarget
                ? "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_guard"
                : string.Join(' ', HandWrittenSchema.AuditGuard(DatabaseProvider.Sqlite))));
}
