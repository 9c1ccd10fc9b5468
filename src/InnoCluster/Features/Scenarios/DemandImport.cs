using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Imports demands as drafts, all-or-nothing per file: any bad line and nothing is written (the report names
/// each line and field). Idempotent by the source's id: a demand already imported is left as it is, or
/// updated when its title or text changed in the file.
/// </summary>
public sealed class DemandImport(InnoClusterDbContext db, TimeProvider clock, DemandIndex index)
{
    public sealed record Report(string File, int Lines, int Created, int Updated, int Unchanged, IReadOnlyList<DemandLineError> Errors, bool Applied);

    public async Task<Report> RunAsync(string fileName, string content, bool dryRun, CancellationToken cancellationToken)
    {
        var (records, errors) = DemandFile.Read(content);
        if (errors.Count > 0 || records.Count == 0)
        {
            var all = errors.Count > 0 ? errors : [new DemandLineError(0, "file", "文件中没有需求 (no demands in the file)")];
            return new Report(fileName, records.Count + errors.Count, 0, 0, 0, all, false);
        }

        var name = Path.GetFileName(fileName);
        var ids = records.Select(r => r.ExternalId).ToList();
        var existing = await db.Set<Demand>().Where(d => d.ExternalId != null && ids.Contains(d.ExternalId)).ToDictionaryAsync(d => d.ExternalId!, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        int created = 0, updated = 0, unchanged = 0;
        var touched = new List<Demand>();
        foreach (var record in records)
        {
            if (existing.TryGetValue(record.ExternalId, out var demand))
            {
                if (demand.Title == record.Title && demand.Problem == record.Problem)
                {
                    unchanged++;
                    continue;
                }

                demand.Title = record.Title;
                demand.Problem = record.Problem;
                demand.UpdatedAt = now;
                touched.Add(demand);
                updated++;
            }
            else
            {
                var added = new Demand
                {
                    ExternalId = record.ExternalId,
                    Title = record.Title,
                    Problem = record.Problem,
                    Status = DemandStatus.Draft,
                    Source = new Provenance { Kind = ProvenanceKind.Import, Source = name, Locator = $"line {record.Line}", SourceDate = today },
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Add(added);
                touched.Add(added);
                created++;
            }
        }

        if (!dryRun)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await index.IndexAsync(db, touched, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return new Report(fileName, records.Count, created, updated, unchanged, [], !dryRun);
    }
}
