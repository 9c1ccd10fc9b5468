using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The document search in SQL (FTS5 on SQLite, tsvector + GIN on PostgreSQL, through the search dialect):
/// the filters on the documents table, relevance from the dialect, the facets as one grouped query.
/// </summary>
public sealed class DocumentSqlSearch(ISearchDialect search) : IFacetedSearch
{
    public const int CountCap = 10_000;

    public static readonly string[] FacetFields = ["kind", "level", "status", "issuer", "year", "category", "method", "industry"];

    /// <summary>A document's values for each facet field, as both engines index and filter them: 分类, 支持方式 and 支持产业 may hold several.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FacetValues(Document d) => new Dictionary<string, IReadOnlyList<string>>
    {
        ["kind"] = [d.Kind.ToString()],
        ["level"] = [d.Level.ToString()],
        ["status"] = [d.Status.ToString()],
        ["issuer"] = d.IssuingBody is { } issuer ? [issuer] : [],
        ["year"] = d.Year is { } year ? [year.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        ["category"] = d.Categories,
        ["method"] = d.SupportMethods,
        ["industry"] = d.SupportedIndustries,
    };

    private sealed class Ranked
    {
        public int Id { get; init; }

        public double Rank { get; init; }

        public DateOnly? Date { get; init; }
    }

    public async Task<FacetedResult> SearchAsync(InnoClusterDbContext db, FacetedQuery query, CancellationToken cancellationToken)
    {
        var documents = db.Set<Document>().AsNoTracking();
        if (query.Filters.TryGetValue("kind", out var kindText) && Enum.TryParse<DocumentKind>(kindText, out var kind))
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (query.Filters.TryGetValue("level", out var levelText) && Enum.TryParse<DocumentLevel>(levelText, out var level))
        {
            documents = documents.Where(d => d.Level == level);
        }

        if (query.Filters.TryGetValue("status", out var statusText) && Enum.TryParse<DocumentStatus>(statusText, out var status))
        {
            documents = documents.Where(d => d.Status == status);
        }

        if (query.Filters.TryGetValue("issuer", out var issuer))
        {
            documents = documents.Where(d => d.IssuingBody == issuer);
        }

        if (query.Filters.TryGetValue("year", out var yearText) && int.TryParse(yearText, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            documents = documents.Where(d => d.Year == year);
        }

        if (query.Filters.TryGetValue("category", out var category))
        {
            documents = documents.Where(d => d.Categories.Contains(category));
        }

        if (query.Filters.TryGetValue("method", out var method))
        {
            documents = documents.Where(d => d.SupportMethods.Contains(method));
        }

        if (query.Filters.TryGetValue("industry", out var industry))
        {
            documents = documents.Where(d => d.SupportedIndustries.Contains(industry));
        }

        IQueryable<Ranked> ranked;
        IQueryable<Document> matched;
        if (query.Terms.Count > 0)
        {
            var words = query.Terms.Select(t => t.Text).ToList();
            var ids = query.AnyTerm ? search.MatchAny(db, SearchIndex.Documents, words).Select(m => m.Id) : search.MatchIds(db, SearchIndex.Documents, query.Terms);
            matched = documents.Where(d => ids.Contains(d.Id));
            var scored = documents.Join(query.AnyTerm ? search.MatchAny(db, SearchIndex.Documents, words) : search.Match(db, SearchIndex.Documents, query.Terms), d => d.Id, m => m.Id, (d, m) => new Ranked { Id = d.Id, Rank = m.Rank, Date = d.DocumentDate });
            // Undated documents last on both databases (PostgreSQL would put NULL first in a descending order), as Lucene does.
            ranked = query.NewestFirst
                ? scored.OrderBy(r => r.Date == null).ThenByDescending(r => r.Date).ThenByDescending(r => r.Id)
                : scored.OrderByDescending(r => r.Rank).ThenBy(r => r.Date == null).ThenByDescending(r => r.Date).ThenBy(r => r.Id);
        }
        else
        {
            matched = documents;
            ranked = documents.Select(d => new Ranked { Id = d.Id, Rank = 0, Date = d.DocumentDate }).OrderBy(r => r.Date == null).ThenByDescending(r => r.Date).ThenByDescending(r => r.Id);
        }

        // The facet groups already count the matches: one pass over them instead of two.
        var (facets, facetTotal) = query.Facets ? await FacetsAsync(matched, cancellationToken) : (new Dictionary<string, Dictionary<string, int>>(), null);
        if (query.Facets)
        {
            await AddListFacetsAsync(matched, facets, cancellationToken);
        }

        var total = facetTotal ?? await matched.Select(d => d.Id).Take(CountCap + 1).CountAsync(cancellationToken);
        var page = await ranked.Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new FacetedResult([.. page.Select(r => new FacetedHit(r.Id, r.Rank))], total, facets);
    }

    /// <summary>Counts by type, level, status, issuing body and year over the matching documents, in one grouped query.</summary>
    private static async Task<(Dictionary<string, Dictionary<string, int>> Facets, int? Total)> FacetsAsync(IQueryable<Document> matched, CancellationToken cancellationToken)
    {
        const int MaxGroups = 5000;
        var groups = await matched.GroupBy(d => new { d.Kind, d.Level, d.Status, d.IssuingBody, d.Year })
            .OrderByDescending(g => g.Count())
            .Select(g => new FacetRow(g.Key.Kind, g.Key.Level, g.Key.Status, g.Key.IssuingBody, g.Key.Year, g.Count()))
            .Take(MaxGroups + 1)
            .ToListAsync(cancellationToken);
        int? total = groups.Count <= MaxGroups ? groups.Sum(g => g.Count) : null;
        groups = groups.Take(MaxGroups).ToList();
        Dictionary<string, int> By(Func<FacetRow, string?> key) =>
            groups.GroupBy(g => key(g) ?? "").ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal);
        return (new Dictionary<string, Dictionary<string, int>>
        {
            ["kind"] = By(g => g.Kind.ToString()),
            ["level"] = By(g => g.Level.ToString()),
            ["status"] = By(g => g.Status.ToString()),
            ["issuer"] = By(g => g.IssuingBody),
            ["year"] = By(g => g.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }, total);
    }

    /// <summary>
    /// Counts of 分类, 支持方式 and 支持产业, each value once per document. Read from the few documents that state any
    /// of them (policies with a metadata header), as SQLite cannot unnest a JSON list inside a grouped query.
    /// </summary>
    private static async Task AddListFacetsAsync(IQueryable<Document> matched, Dictionary<string, Dictionary<string, int>> facets, CancellationToken cancellationToken)
    {
        var lists = await matched.Where(d => d.Categories.Count > 0 || d.SupportMethods.Count > 0 || d.SupportedIndustries.Count > 0)
            .Select(d => new { d.Categories, d.SupportMethods, d.SupportedIndustries }).ToListAsync(cancellationToken);
        Dictionary<string, int> Count(IEnumerable<List<string>> values) =>
            values.SelectMany(v => v.Distinct(StringComparer.Ordinal)).CountBy(v => v, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        facets["category"] = Count(lists.Select(l => l.Categories));
        facets["method"] = Count(lists.Select(l => l.SupportMethods));
        facets["industry"] = Count(lists.Select(l => l.SupportedIndustries));
    }

    private sealed record FacetRow(DocumentKind Kind, DocumentLevel Level, DocumentStatus Status, string? IssuingBody, int? Year, int Count);
}
