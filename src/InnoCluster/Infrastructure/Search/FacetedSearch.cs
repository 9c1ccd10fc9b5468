using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;

namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// A search with filters and facet counts over one kind of record: the terms (all must match, unless any may;
/// a word may match through its parts), exact-value filters by field (a record with several values in a field matches
/// any of them), the page wanted, whether to count facets, and whether the newest come first instead of the
/// most relevant.
/// </summary>
/// <param name="AnyTerm">Records holding any of the terms (as whole words), those holding more of them first, instead of those holding every one.</param>
/// <param name="TitleWeight">How much a word in a record's title counts beside one in its body (0: the body only, a word in the title alone does not match).</param>
/// <param name="AnyTermTitleWeight">The same in an any-term query.</param>
/// <param name="Scoring">BM25's parameters for this search (Lucene only); null: <see cref="Bm25.Standard"/>.</param>
public sealed record FacetedQuery(IReadOnlyList<QueryTerm> Terms, IReadOnlyDictionary<string, string> Filters, int Skip, int Take, bool Facets, bool NewestFirst = false, bool AnyTerm = false,
    float TitleWeight = FacetedQuery.DocumentTitleWeight, float AnyTermTitleWeight = 0, Bm25? Scoring = null)
{
    /// <summary>A document's title weighed ten times its body, as in the SQL path (FTS5 column weights, tsvector weight A).</summary>
    public const float DocumentTitleWeight = 10f;
}

/// <summary>BM25's parameters: how fast repeated words stop counting (k1) and how much a long text is discounted (b).</summary>
public sealed record Bm25(float K1, float B)
{
    /// <summary>Lucene's defaults, for documents (and paragraphs weighed for their document).</summary>
    public static readonly Bm25 Standard = new(1.2f, 0.75f);

    /// <summary>
    /// For paragraphs listed as answers: Anserini's defaults for passage retrieval (MS MARCO), with less discount for
    /// length, so a short heading line does not come before the article that answers. Measured on the question set
    /// (README, "Search quality").
    /// </summary>
    public static readonly Bm25 Passages = new(0.9f, 0.4f);
}

public sealed record FacetedHit(int Id, double Rank);

/// <summary>The page of hits, how many matched, and per facet field the count of each value among all matches.</summary>
public sealed record FacetedResult(IReadOnlyList<FacetedHit> Hits, int Total, IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts);

/// <summary>
/// One interface for both search engines of a feature's records: the embedded Lucene index
/// (<see cref="LuceneIndex"/>) and the feature's own SQL (FTS5 or tsvector through <see cref="ISearchDialect"/>).
/// </summary>
public interface IFacetedSearch
{
    Task<FacetedResult> SearchAsync(InnoClusterDbContext db, FacetedQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// A record for the Lucene index: its id, its position in the feed, its analysed terms, a sort date and its facet values
/// (none, one or several per field). Records of a <paramref name="Group"/> (a document's paragraphs) are replaced
/// together: the first record of a group in a catch-up removes the group's earlier records.
/// </summary>
public sealed record IndexedRecord(int Id, long Position, string TitleTerms, string BodyTerms, long SortDate, IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords, int? Group = null);

/// <summary>
/// Where a Lucene index reads its records, implemented by the feature that owns them: records come in
/// increasing <see cref="IndexedRecord.Position"/>, and a record seen again replaces the earlier one.
/// </summary>
public interface IIndexedRecordSource
{
    /// <summary>The fields whose values are filters and facets.</summary>
    IReadOnlyList<string> KeywordFields { get; }

    /// <summary>What the records' title and body are made of; an index written under another layout is rebuilt from zero.</summary>
    string Layout => "";

    /// <summary>The highest position committed so far.</summary>
    Task<long> LatestAsync(InnoClusterDbContext db, CancellationToken cancellationToken);

    /// <summary>The next records after <paramref name="position"/>, at most <paramref name="take"/> (or a whole group's, which share one position).</summary>
    Task<IReadOnlyList<IndexedRecord>> AfterAsync(InnoClusterDbContext db, long position, int take, CancellationToken cancellationToken);
}
