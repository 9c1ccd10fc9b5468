using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry.Import;

/// <summary>
/// Imports enterprises from an .xlsx or .csv file with Chinese headers (or a saved column mapping).
/// Every row is validated first; a file with any error changes nothing (all-or-nothing), and a dry run
/// reports exactly what a real run would do. Rows match existing enterprises by credit code, else by
/// exact name (any known name), so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class EnterpriseImport(
    InnoClusterDbContext db,
    EnterpriseSearchIndexer indexer,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<EnterpriseImport> logger,
    InnoCluster.Infrastructure.Auditing.AuditTrail audit)
{
    public async Task<ImportReport> RunAsync(string fileName, Stream content, string? mappingName, bool dryRun, CancellationToken cancellationToken, IProgress<JobProgress>? progress = null)
    {
        progress?.Report(new JobProgress(0, null, ImportStages.Read));
        var safeName = Path.GetFileName(fileName);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var (file, refused) = ImportUpload.Read(safeName, content, options.Value, mappingName, dryRun);
        if (file is null)
        {
            return refused!;
        }

        ImportMapping? mapping = null;
        if (!string.IsNullOrWhiteSpace(mappingName))
        {
            mapping = await db.Set<ImportMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == mappingName, cancellationToken);
            if (mapping is null)
            {
                return ImportReport.ForFileError(safeName, mappingName, dryRun, $"未知的列映射“{mappingName}” / no saved column mapping named '{mappingName}'");
            }
        }

        var (bindings, bindingError) = ImportColumns.Bind(file.Headers, mapping);
        if (bindingError is not null)
        {
            return ImportReport.ForFileError(safeName, mappingName, dryRun, bindingError);
        }

        var readTime = timer.Elapsed;
        progress?.Report(new JobProgress(0, file.Rows.Count, ImportStages.Validate));
        var lookups = await Lookups.LoadAsync(db, cancellationToken);
        var lookupTime = timer.Elapsed;
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        // Rows are independent: validate them on every core, then gather the problems in row order.
        var parsed = file.Rows.Where(r => !r.IsEmpty).AsParallel().AsOrdered()
            .Select(row => ImportRowParser.Parse(row, bindings, mapping, lookups))
            .ToList();
        foreach (var row in parsed)
        {
            errors.AddRange(row.Errors);
            warnings.AddRange(row.Warnings);
        }

        var parseTime = timer.Elapsed;
        progress?.Report(new JobProgress(parsed.Count, parsed.Count, ImportStages.Validate));
        ImportPlan.FlagDuplicates(parsed, errors);
        var plan = ImportPlan.Make(parsed, mapping?.Mode ?? ImportMode.Upsert, lookups, errors);
        var planTime = timer.Elapsed;
        var columns = bindings.Select(b => $"{b.Header} → {b.Field}").ToList();

        if (errors.Count > 0 || dryRun)
        {
            return Report(false);
        }

        var (created, updated, unchanged) = await ApplyAsync(safeName, plan, progress, cancellationToken);
        Infrastructure.Telemetry.InnoClusterMetrics.ImportRows.Add(created + updated, new KeyValuePair<string, object?>("kind", "enterprises"));
        logger.LogInformation(
            "Import {File}: {Rows} rows; read {Read:F2}s, lookups {Lookups:F2}s, validate {Validate:F2}s, plan {Plan:F2}s, write+index {Write:F2}s",
            safeName, parsed.Count, readTime.TotalSeconds, (lookupTime - readTime).TotalSeconds, (parseTime - lookupTime).TotalSeconds, (planTime - parseTime).TotalSeconds, (timer.Elapsed - planTime).TotalSeconds);
        return Report(true, created, updated, unchanged);

        ImportReport Report(bool applied, int? created = null, int? updated = null, int? unchanged = null) => new(
            safeName, mapping?.Name, dryRun, applied, parsed.Count,
            created ?? plan.Count(p => p.Target is null && p.Skip is null),
            updated ?? plan.Count(p => p.Target is not null),
            unchanged ?? 0,
            plan.Where(p => p.Skip is not null).Select(p => new SkippedRow(p.Row.Number, p.Row.Name, p.Skip!)).ToList(),
            errors.OrderBy(e => e.Row).ToList(),
            warnings.OrderBy(w => w.Row).ToList(),
            columns,
            null);
    }

    private async Task<(int Created, int Updated, int Unchanged)> ApplyAsync(string fileName, List<PlannedRow> plan, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        var now = clock.GetUtcNow();
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            created = updated = unchanged = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = plan.Where(p => p.Skip is null).ToList();
            progress?.Report(new JobProgress(0, rows.Count, ImportStages.Write));

            // Updates go through EF, so only changed columns are written.
            var changedIds = new List<int>();
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var chunk in rows.Where(p => p.Target is not null).Chunk(2000))
                {
                    var targetIds = chunk.Select(p => p.Target!.Value).Distinct().ToList();
                    var targets = await db.Set<Enterprise>()
                        .Where(e => targetIds.Contains(e.Id))
                        .Include(e => e.Names).Include(e => e.Tiers).Include(e => e.ChainLinks).Include(e => e.Figures).Include(e => e.Products)
                        .AsSplitQuery()
                        .ToDictionaryAsync(e => e.Id, cancellationToken);
                    foreach (var planned in chunk)
                    {
                        var enterprise = targets[planned.Target!.Value];
                        if (enterprise.MergeImported(planned.Row, fileName, today))
                        {
                            enterprise.UpdatedAt = now;
                            changedIds.Add(enterprise.Id);
                            updated++;
                        }
                        else
                        {
                            unchanged++;
                        }
                    }

                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    progress?.Report(new JobProgress(updated + unchanged, rows.Count, ImportStages.Write));
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }

            // New enterprises are written in bulk: keys reserved, then each table in one pass.
            var fresh = rows.Where(p => p.Target is null).Select(p =>
            {
                var enterprise = new Enterprise { CreatedAt = now, UpdatedAt = now };
                enterprise.MergeImported(p.Row, fileName, today);
                return enterprise;
            }).ToList();
            var keys = await BulkInsert.ReserveKeysAsync<Enterprise>(db, fresh.Count, cancellationToken);
            for (var i = 0; i < fresh.Count; i++)
            {
                var enterprise = fresh[i];
                enterprise.Id = keys[i];
                enterprise.Names.ForEach(n => n.EnterpriseId = enterprise.Id);
                enterprise.ChainLinks.ForEach(l => l.EnterpriseId = enterprise.Id);
                enterprise.Tiers.ForEach(t => t.EnterpriseId = enterprise.Id);
                enterprise.Figures.ForEach(f => f.EnterpriseId = enterprise.Id);
                enterprise.Products.ForEach(p => p.EnterpriseId = enterprise.Id);
            }

            var bulkTimer = System.Diagnostics.Stopwatch.StartNew();
            await BulkInsert.InsertAsync(db, fresh, withKeys: true, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Names).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.ChainLinks).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Tiers).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Figures).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Products).ToList(), withKeys: false, cancellationToken);
            created = fresh.Count;
            progress?.Report(new JobProgress(rows.Count, rows.Count, ImportStages.Index));

            var insertTime = bulkTimer.Elapsed;
            await indexer.IndexAsync(db, changedIds, cancellationToken);
            await indexer.IndexLoadedAsync(db, fresh, cancellationToken);

            // New rows bypass the change tracker, so the import records them itself, in the same transaction.
            audit.Add("import", "enterprises", null, "ok",
                $"{fileName}: {created} created (ids {(fresh.Count == 0 ? "-" : $"{fresh[0].Id}–{fresh[^1].Id}")}), {updated} updated, {unchanged} unchanged");
            await db.SaveChangesAsync(cancellationToken);
            logger.LogDebug("Import: {Created} new enterprises inserted in {Insert:F2}s, indexed in {Index:F2}s", fresh.Count, insertTime.TotalSeconds, (bulkTimer.Elapsed - insertTime).TotalSeconds);
            await transaction.CommitAsync(cancellationToken);
        });
        return (created, updated, unchanged);
    }
}
