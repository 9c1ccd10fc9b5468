using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// Reads the facts of stored documents again with the current extractor, replacing what an older one read:
/// every version of one document, or of all. One document at a time, each in its own transaction (a
/// library of thousands is not held in memory or locked at once).
/// </summary>
public sealed class RereadDocumentFacts(InnoClusterDbContext db, DocumentFactReader reader, AuditTrail audit)
{
    /// <summary>What was read again: documents, versions, and the facts before and after.</summary>
    public sealed record Summary(int Documents, int Versions, int FactsBefore, int FactsAfter, int ExtractorVersion);

    public async Task<Result<Summary>> RunAsync(int? documentId, CancellationToken cancellationToken)
    {
        var documents = await db.Set<Document>().AsNoTracking()
            .Where(d => documentId == null || d.Id == documentId)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Year, d.Kind, d.CurrentVersionId })
            .ToListAsync(cancellationToken);
        if (documentId is not null && documents.Count == 0)
        {
            return Problem.NotFound();
        }

        var (versions, before, after) = (0, 0, 0);
        foreach (var document in documents)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var counts = await strategy.ExecuteAsync(async () =>
            {
                // Joins the seed loader's transaction when it runs as a seed step.
                var own = db.Database.CurrentTransaction is null;
                await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                var stored = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == document.Id)
                    .Select(v => new { v.Id, v.CleanText, v.SourceFile, v.Format }).ToListAsync(cancellationToken);
                var ids = stored.Select(v => v.Id).ToList();
                var removed = await db.Set<DocumentFact>().Where(f => ids.Contains(f.VersionId)).ExecuteDeleteAsync(cancellationToken);
                var rows = new List<DocumentFact>();
                foreach (var version in stored)
                {
                    // An older edition kept as a version is dated by its own text.
                    var year = version.Id == document.CurrentVersionId ? document.Year : MetadataExtractor.Extract(version.CleanText, version.SourceFile, version.Format).Year ?? document.Year;
                    var facts = await reader.ReadAsync(version.CleanText, year, document.Kind == DocumentKind.Policy, cancellationToken);
                    rows.AddRange(facts.Select(f => DocumentFactReader.ToRow(f, version.Id)));
                }

                await BulkInsert.InsertAsync(db, rows, withKeys: false, cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return (Versions: stored.Count, Before: removed, After: rows.Count);
            });
            versions += counts.Versions;
            before += counts.Before;
            after += counts.After;
        }

        var summary = new Summary(documents.Count, versions, before, after, FactExtractor.Version);
        await audit.RecordAsync("facts-reread", "documents", documentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all", "ok",
            $"{summary.Documents} documents, {summary.Versions} versions, facts {summary.FactsBefore} → {summary.FactsAfter} (extractor v{summary.ExtractorVersion})", cancellationToken);
        return summary;
    }
}
