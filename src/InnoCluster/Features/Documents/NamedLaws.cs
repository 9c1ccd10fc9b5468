using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The laws a query names, looked up by name, and the article it asks for in each: 民法典第一千零六十二条 is the
/// marriage and family book's article, 商标法 先用权 the trademark law. A query that names a law goes straight to it.
/// </summary>
public sealed class NamedLaws(InnoClusterDbContext db)
{
    /// <param name="Article">第N条 as the law writes it, when the query asks for an article and the law has it.</param>
    /// <param name="Start">Where the article starts in the current text; null when no article is asked for or the law has not it.</param>
    /// <param name="Text">The article's text, as written (its first 600 characters).</param>
    public sealed record Named(int DocumentId, string Title, string? Article, int? ArticleNumber, int? Start, int? End, string? Text);

    /// <param name="Laws">The documents the query names; when it asks for an article, those holding it (all named, when none does).</param>
    /// <param name="MissingArticle">The article asked for, when none of the named laws has it.</param>
    public sealed record Found(IReadOnlyList<Named> Laws, string? MissingArticle)
    {
        public static readonly Found Nothing = new([], null);
    }

    /// <summary>How many documents one name may bring (a code's books share its name).</summary>
    private const int MostDocuments = 12;

    /// <summary>Articles are shown whole up to this length.</summary>
    private const int LongestArticle = 600;

    public async Task<Found> FindAsync(string? query, CancellationToken cancellationToken)
    {
        var citation = LawCitation.Read(query);
        if (citation.IsEmpty)
        {
            return Found.Nothing;
        }

        var names = citation.Names.ToList();
        var documents = await db.Set<Document>().AsNoTracking().Where(d => names.Contains(d.Name) && d.CurrentVersionId != null)
            .OrderBy(d => d.Id).Take(MostDocuments).Select(d => new { d.Id, d.Title, d.Name, VersionId = d.CurrentVersionId!.Value }).ToListAsync(cancellationToken);

        // 专利法实施细则 names 专利法 too: the longer name the query says is the one meant.
        documents = documents.Where(d => !documents.Exists(o => o.Name.Length > d.Name.Length && o.Name.Contains(d.Name, StringComparison.Ordinal))).ToList();
        if (documents.Count == 0)
        {
            return Found.Nothing;
        }

        var whole = documents.Select(d => new Named(d.Id, d.Title, null, null, null, null, null)).ToList();
        if (citation.ArticleLabel is not { } label)
        {
            return new Found(whole, null);
        }

        var versionIds = documents.Select(d => d.VersionId).ToList();
        var articles = await db.Set<DocumentSection>().AsNoTracking().Where(s => versionIds.Contains(s.VersionId) && s.Level == 3 && s.Label == label)
            .Select(s => new { s.VersionId, s.Start }).ToListAsync(cancellationToken);
        var named = new List<Named>();
        foreach (var article in articles)
        {
            var document = documents.First(d => d.VersionId == article.VersionId);
            var end = await db.Set<DocumentSection>().Where(s => s.VersionId == article.VersionId && s.Start > article.Start).OrderBy(s => s.Start).Select(s => (int?)s.Start).FirstOrDefaultAsync(cancellationToken);
            var text = await db.Set<DocumentVersion>().Where(v => v.Id == article.VersionId).Select(v => v.CleanText).SingleAsync(cancellationToken);
            var shown = text[article.Start..Math.Min(text.Length, end ?? text.Length)].TrimEnd();
            named.Add(new Named(document.Id, document.Title, label, citation.Article, article.Start, article.Start + shown.Length,
                shown.Length > LongestArticle ? shown[..LongestArticle] + "…" : shown));
        }

        // The law holding the article is the one meant (民法典第一千零六十二条: the marriage and family book, not the other seven).
        return named.Count > 0 ? new Found(named, null) : new Found(whole, label);
    }
}
