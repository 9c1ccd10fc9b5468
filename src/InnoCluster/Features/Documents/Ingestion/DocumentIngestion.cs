using System.Security.Cryptography;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Documents.Ingestion;

public sealed class DocumentOptions
{
    /// <summary>Files larger than this are refused before they are read (Documents:MaxFileBytes).</summary>
    public long MaxFileBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>
    /// Answer the document search from a Lucene index (Documents:SearchIndex): next to the database file on SQLite,
    /// one per app node under its data directory on PostgreSQL; false = in SQL (FTS5, or tsvector and GIN).
    /// </summary>
    public bool SearchIndex { get; set; } = true;

    /// <summary>
    /// How often, in seconds, a node's Lucene indexes take in what was committed since (Documents:SearchIndexFollowSeconds),
    /// between searches — a bulk import on another node or from the command line is then indexed before someone searches
    /// rather than by the first search; 0 = only when the server starts and before each search.
    /// </summary>
    public int SearchIndexFollowSeconds { get; set; } = 5;
}

/// <summary>What the seed dataset knows about a source document beyond its text.</summary>
public sealed record IngestHints(string? Title = null, DocumentKind? Kind = null, DateOnly? Date = null, string? Publisher = null, string? SeedFile = null);

public enum IngestOutcome
{
    Created,
    NewVersion,
    Unchanged,
    Rejected,
}

public sealed record IngestResult(string File, IngestOutcome Outcome, int? DocumentId, int? VersionNumber, string? Title, string? Error, int Facts = 0);

/// <summary>
/// Turns a file into a document: text extracted, cleaned, its metadata and outline read, its facts and the
/// registry names it mentions found, stored with its passages and indexed — all in one transaction, so a
/// failure stores nothing. The same bytes twice are one version; changed bytes of the same document
/// (same number, or same title) are a new version, the old one still readable.
/// </summary>
public sealed class DocumentIngestion(
    InnoClusterDbContext db,
    ISearchDialect search,
    DocumentFactReader factReader,
    TimeProvider clock,
    IAuditActor actor,
    AuditTrail audit,
    IOptions<DocumentOptions> options)
{
    public async Task<IngestResult> IngestAsync(string fileName, byte[] bytes, IngestHints? hints, CancellationToken cancellationToken)
    {
        var result = await IngestFileAsync(fileName, bytes, hints, cancellationToken);
        Infrastructure.Telemetry.InnoClusterMetrics.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        return result;
    }

    private async Task<IngestResult> IngestFileAsync(string fileName, byte[] bytes, IngestHints? hints, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        if (bytes.Length > options.Value.MaxFileBytes)
        {
            var limit = options.Value.MaxFileBytes >= 1024 * 1024 ? $"{options.Value.MaxFileBytes / (1024 * 1024)} MB" : $"{options.Value.MaxFileBytes / 1024} KB";
            return Rejected($"{name}: 文件超过 {limit} 上限 / larger than the {limit} limit");
        }

        var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var known = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.ContentHash == hash)
            .Select(v => new { v.DocumentId, v.Number }).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            var title = await db.Set<Document>().Where(d => d.Id == known.DocumentId).Select(d => d.Title).SingleAsync(cancellationToken);
            return new IngestResult(name, IngestOutcome.Unchanged, known.DocumentId, known.Number, title, null);
        }

        ExtractedText extracted;
        try
        {
            extracted = DocumentReader.Read(name, bytes);
        }
        catch (DocumentRejectedException ex)
        {
            return Rejected(ex.Message);
        }

        var clean = WebPageCleaner.Clean(extracted.Format == "md" ? extracted.Text.Replace("<!-- INFO END -->", string.Empty, StringComparison.Ordinal) : extracted.Text);
        if (clean.Count(c => !char.IsWhiteSpace(c)) < 10)
        {
            return Rejected($"{name}: 清理网页导航等内容后没有正文 / no article text is left after removing the page's navigation and boilerplate");
        }

        var metadata = Merge(MetadataExtractor.Extract(clean, fileName, extracted.Format), hints, extracted.HtmlTitle);
        var facts = await factReader.ReadAsync(clean, metadata.Year, metadata.Kind == DocumentKind.Policy, cancellationToken);
        var lineage = metadata.DocumentNumber is { } number ? "no:" + number : $"title:{metadata.Kind}:{TextNormalizer.Normalize(metadata.Title)}";
        lineage = lineage.Length > 300 ? lineage[..300] : lineage;
        var now = clock.GetUtcNow();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // Joins the caller's transaction when there is one (the seed loader's), else makes its own.
            var own = db.Database.CurrentTransaction is null;
            if (own)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            // Every node's search index follows the current version ids by watermark: they must commit in order.
            await search.OrderFollowedWritesAsync(db, cancellationToken);
            var document = await db.Set<Document>().SingleOrDefaultAsync(d => d.LineageKey == lineage, cancellationToken);
            var outcome = IngestOutcome.NewVersion;
            var previousVersionId = document?.CurrentVersionId;
            if (document is null)
            {
                document = new Document { LineageKey = lineage, CreatedAt = now };
                db.Add(document);
                outcome = IngestOutcome.Created;
            }

            // An older edition arriving after a newer one (laws are often loaded out of order) is kept as a
            // version, but the newer edition stays current: its metadata, its text in the indexes.
            var olderEdition = outcome == IngestOutcome.NewVersion && document.DocumentDate is { } currentDate
                && metadata.DocumentDate is { } incomingDate && incomingDate < currentDate;
            if (!olderEdition)
            {
                Apply(document, metadata, hints);
            }

            document.UpdatedAt = now;
            var versionNumber = outcome == IngestOutcome.Created ? 1 : await db.Set<DocumentVersion>().Where(v => v.DocumentId == document.Id).MaxAsync(v => v.Number, cancellationToken) + 1;
            var version = new DocumentVersion
            {
                Number = versionNumber,
                ContentHash = hash,
                Format = extracted.Format,
                SourceFile = name.Length > 300 ? name[^300..] : name,
                OriginalText = extracted.Text,
                CleanText = clean,
                IngestedAt = now,
                IngestedBy = actor.Name,
            };
            document.Versions.Add(version);
            await db.SaveChangesAsync(cancellationToken);

            var sections = Outline.Parse(clean).Select((s, i) => new DocumentSection { VersionId = version.Id, Order = i, Level = s.Level, Label = Cap(s.Label, 30)!, Title = Cap(s.Title, 200)!, Start = s.Start }).ToList();
            var passages = Passages(clean).Select((p, i) => new DocumentPassage { VersionId = version.Id, DocumentId = document.Id, Ordinal = i, Start = p.Start, Length = p.Length }).ToList();
            var factRows = facts.Select(f => DocumentFactReader.ToRow(f, version.Id)).ToList();
            await BulkInsert.InsertAsync(db, sections, withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, factRows, withKeys: false, cancellationToken);
            var passageKeys = await BulkInsert.ReserveKeysAsync<DocumentPassage>(db, passages.Count, cancellationToken);
            for (var i = 0; i < passages.Count; i++)
            {
                passages[i].Id = passageKeys[i];
            }

            await BulkInsert.InsertAsync(db, passages, withKeys: true, cancellationToken);

            if (!olderEdition)
            {
                await IndexAsync(document, clean, passages, previousVersionId, cancellationToken);
                document.CurrentVersionId = version.Id;
            }

            audit.Add("document-ingested", "documents", document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok",
                $"{name}: version {versionNumber}{(olderEdition ? " (older edition, not current)" : "")}, {facts.Count} facts, {passages.Count} passages, sha256 {hash}");
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return new IngestResult(name, outcome, document.Id, versionNumber, document.Title, null, facts.Count);
        });

        IngestResult Rejected(string error) => new(name, IngestOutcome.Rejected, null, null, null, error);
    }

    /// <summary>The current version's text goes into the indexes; the previous current version's paragraphs leave them.</summary>
    private async Task IndexAsync(Document document, string clean, List<DocumentPassage> passages, int? previousVersionId, CancellationToken cancellationToken)
    {
        var analyzer = SearchAnalyzer.Default;
        // Paragraphs are the document's non-empty lines and tokens never span lines, so the document's
        // terms are its paragraphs' terms together: analysed once, not twice.
        var passageRows = passages.AsParallel().AsOrdered()
            .Select(p => ((long)p.Id, string.Empty, analyzer.IndexString(clean.Substring(p.Start, p.Length)))).ToList();
        await search.UpsertAsync(db, SearchIndex.Documents, document.Id, analyzer.IndexString(document.Title), string.Join(' ', passageRows.Select(r => r.Item3)), cancellationToken);
        if (previousVersionId is { } previous)
        {
            foreach (var old in await db.Set<DocumentPassage>().Where(p => p.VersionId == previous).Select(p => p.Id).ToListAsync(cancellationToken))
            {
                await search.RemoveAsync(db, SearchIndex.Passages, old, cancellationToken);
            }
        }

        await search.UpsertManyAsync(db, SearchIndex.Passages, passageRows, cancellationToken, areNew: true);
    }

    /// <summary>Paragraphs: the non-empty lines of the clean text.</summary>
    public static IEnumerable<(int Start, int Length)> Passages(string clean)
    {
        var start = 0;
        foreach (var line in clean.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                yield return (start, line.Length);
            }

            start += line.Length + 1;
        }
    }

    private static DocumentMetadata Merge(DocumentMetadata found, IngestHints? hints, string? htmlTitle)
    {
        if (hints is null)
        {
            return string.IsNullOrWhiteSpace(htmlTitle) || found.Title.Length >= 6 ? found : found with { Title = htmlTitle.Trim() };
        }

        return found with
        {
            Title = hints.Title ?? found.Title,
            Kind = hints.Kind ?? found.Kind,
            DocumentDate = found.DocumentDate ?? hints.Date,
            Year = found.Year ?? hints.Date?.Year,
            Source = found.Source ?? hints.Publisher,
        };
    }

    private static void Apply(Document document, DocumentMetadata m, IngestHints? hints)
    {
        document.Kind = m.Kind;
        document.Title = Cap(m.Title, 500) ?? "";
        document.DocumentNumber = Cap(m.DocumentNumber, 100);
        document.IssuingBody = Cap(m.IssuingBody, 200);
        document.Level = m.Level;
        document.LevelText = Cap(m.LevelText, 50);
        document.Status = m.Status;
        document.Categories = [.. m.Categories];
        document.SupportMethods = [.. m.SupportMethods];
        document.SupportedIndustries = [.. m.SupportedIndustries];
        document.DisclosureIndex = Cap(m.DisclosureIndex, 100);
        document.GeneratedOn = m.GeneratedOn;
        document.PublishedOn = m.PublishedOn;
        document.DocumentDate = m.DocumentDate;
        document.Year = m.Year;
        document.Source = Cap(m.Source, 200);
        document.Author = Cap(m.Author, 200);
        document.SeedFile = hints?.SeedFile ?? document.SeedFile;
    }

    private static string? Cap(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;
}
