using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>A document's current text with what other features read about it.</summary>
[FeatureContract]
public sealed record DocumentText(int Id, string Title, DocumentKind Kind, DocumentStatus Status, DateOnly? DocumentDate, int? Year, string? IssuingBody, string? DocumentNumber, string? SeedFile, string Text);

/// <summary>A document in a list.</summary>
[FeatureContract]
public sealed record DocumentSummary(int Id, string Title, DocumentKind Kind, string? DocumentNumber, DateOnly? DocumentDate, string? SeedFile);

/// <summary>The document library's public service: texts, titles and states, for the features that read documents.</summary>
[FeatureContract]
public interface IDocumentLibrary
{
    /// <summary>The current version's clean text, or null when there is no such document.</summary>
    Task<DocumentText?> TextAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>The seed document loaded from this file of data/seed/documents, or null.</summary>
    Task<DocumentText?> SeedTextAsync(string seedFile, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(int documentId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, string>> TitlesAsync(IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken);

    /// <summary>Which of these documents are marked expired (废止/失效).</summary>
    Task<IReadOnlySet<int>> ExpiredAsync(IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken);

    /// <summary>The documents loaded from the seed dataset.</summary>
    Task<IReadOnlyList<DocumentSummary>> SeedDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Policies whose title holds any of the words, newest first.</summary>
    Task<IReadOnlyList<DocumentSummary>> PoliciesTitledAsync(IReadOnlyList<string> words, int take, CancellationToken cancellationToken);
}

public sealed class DocumentLibrary(InnoClusterDbContext db) : IDocumentLibrary
{
    public Task<DocumentText?> TextAsync(int documentId, CancellationToken cancellationToken) =>
        TextWhereAsync(db.Set<Document>().Where(d => d.Id == documentId), cancellationToken);

    public Task<DocumentText?> SeedTextAsync(string seedFile, CancellationToken cancellationToken) =>
        TextWhereAsync(db.Set<Document>().Where(d => d.SeedFile == seedFile), cancellationToken);

    private static async Task<DocumentText?> TextWhereAsync(IQueryable<Document> documents, CancellationToken cancellationToken) =>
        await (from d in documents.AsNoTracking()
               join v in documents.SelectMany(x => x.Versions) on d.CurrentVersionId equals v.Id
               select new DocumentText(d.Id, d.Title, d.Kind, d.Status, d.DocumentDate, d.Year, d.IssuingBody, d.DocumentNumber, d.SeedFile, v.CleanText))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<bool> ExistsAsync(int documentId, CancellationToken cancellationToken) => db.Set<Document>().AnyAsync(d => d.Id == documentId, cancellationToken);

    public async Task<IReadOnlyDictionary<int, string>> TitlesAsync(IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken) =>
        await db.Set<Document>().AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);

    public async Task<IReadOnlySet<int>> ExpiredAsync(IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken) =>
        (await db.Set<Document>().Where(d => d.Status == DocumentStatus.Expired && documentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();

    public async Task<IReadOnlyList<DocumentSummary>> SeedDocumentsAsync(CancellationToken cancellationToken) =>
        await db.Set<Document>().AsNoTracking().Where(d => d.SeedFile != null).OrderBy(d => d.SeedFile)
            .Select(d => new DocumentSummary(d.Id, d.Title, d.Kind, d.DocumentNumber, d.DocumentDate, d.SeedFile)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DocumentSummary>> PoliciesTitledAsync(IReadOnlyList<string> words, int take, CancellationToken cancellationToken)
    {
        var found = new List<DocumentSummary>();
        foreach (var word in words)
        {
            var pattern = "%" + word.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            found.AddRange(await db.Set<Document>().AsNoTracking().Where(d => d.Kind == DocumentKind.Policy && EF.Functions.Like(d.Title, pattern))
                .OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id).Take(take)
                .Select(d => new DocumentSummary(d.Id, d.Title, d.Kind, d.DocumentNumber, d.DocumentDate, d.SeedFile)).ToListAsync(cancellationToken));
        }

        return [.. found.DistinctBy(d => d.Id).OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id).Take(take)];
    }
}
