using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// Where paragraph search (<see cref="DocumentSearch.PassagesAsync"/>) finds its paragraphs: a Lucene index of the
/// current versions' paragraphs beside the documents' (<see cref="DocumentSearchIndex"/>), following the same
/// current version ids — a document's paragraphs are replaced together when its current version changes —, so a
/// PostgreSQL node answers from its own copy as SQLite does; or, with the index off, the paragraphs' SQL full text.
/// Both rank by BM25: every term (a word or its parts nearby), or any of the words with those holding more first; in the
/// index a question's word counts also in the headings a paragraph stands under (<see cref="ParagraphHeadings"/>).
/// </summary>
public sealed class DocumentPassageIndex : IRebuildableIndex, IDisposable
{
    private readonly LuceneIndex? _lucene;
    private readonly ISearchDialect _sql;

    public DocumentPassageIndex(DatabaseInfo database, InnoClusterPaths paths, ISearchDialect sql, Microsoft.Extensions.Options.IOptions<Ingestion.DocumentOptions> options, ILogger<LuceneIndex>? logger = null)
    {
        _sql = sql;
        if (options.Value.SearchIndex && DocumentSearchIndex.FolderFor(database, paths) is { } documents)
        {
            _lucene = new LuceneIndex(Path.ChangeExtension(documents, ".passages.search"), new PassageRecords(), logger);
        }
    }

    public bool Enabled => _lucene is not null;

    public SearchIndex Index { get; } = new("passages-lucene");

    /// <summary>The highest current version id the index holds (-1 before it is first opened, or when off).</summary>
    public long Position => _lucene?.Position ?? -1;

    public Task CatchUpAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => _lucene?.CatchUpAsync(db, cancellationToken) ?? Task.CompletedTask;

    public Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => _lucene?.RebuildAsync(db, cancellationToken) ?? Task.CompletedTask;

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => Task.FromResult(_lucene?.SizeInBytes ?? 0L);

    /// <summary>
    /// The best <paramref name="take"/> paragraphs holding every term, or (<paramref name="anyWord"/>) any of the terms' words and parts,
    /// ranked as answers (<see cref="Bm25.Passages"/>).
    /// </summary>
    public Task<List<SearchMatch>> FindAsync(InnoClusterDbContext db, IReadOnlyList<QueryTerm> terms, bool anyWord, int take, CancellationToken cancellationToken) =>
        FindAsync(db, terms, anyWord, take, Bm25.Passages, cancellationToken);

    private async Task<List<SearchMatch>> FindAsync(InnoClusterDbContext db, IReadOnlyList<QueryTerm> terms, bool anyWord, int take, Bm25 scoring, CancellationToken cancellationToken)
    {
        if (_lucene is null)
        {
            var words = Words(terms);
            var matches = anyWord ? _sql.MatchAny(db, SearchIndex.Passages, words) : _sql.Match(db, SearchIndex.Passages, terms);
            return await matches.OrderByDescending(m => m.Rank).ThenBy(m => m.Id).Take(take).ToListAsync(cancellationToken);
        }

        await _lucene.CatchUpAsync(db, cancellationToken);
        return Search(_lucene, terms, anyWord, take, scoring);
    }

    /// <summary>
    /// The same search, run beside what the caller asks the database next: the index takes in the paragraphs committed
    /// since its last search first, then searches its own files on another thread. With the index off it runs in SQL at once.
    /// <paramref name="scoring"/>: as answers (<see cref="Bm25.Passages"/>) or to weigh their documents (<see cref="Bm25.Standard"/>).
    /// </summary>
    public async Task<Task<List<SearchMatch>>> StartFindAsync(InnoClusterDbContext db, IReadOnlyList<QueryTerm> terms, bool anyWord, int take, Bm25 scoring, CancellationToken cancellationToken)
    {
        if (_lucene is not { } lucene)
        {
            return Task.FromResult(await FindAsync(db, terms, anyWord, take, scoring, cancellationToken));
        }

        await lucene.CatchUpAsync(db, cancellationToken);
        return Task.Run(() => Search(lucene, terms, anyWord, take, scoring), cancellationToken);
    }

    private static List<SearchMatch> Search(LuceneIndex lucene, IReadOnlyList<QueryTerm> terms, bool anyWord, int take, Bm25 scoring)
    {
        var asked = anyWord
            ? new FacetedQuery([.. Words(terms).Select(w => new QueryTerm(w, []))], new Dictionary<string, string>(), 0, take, Facets: false, AnyTerm: true, AnyTermTitleWeight: ParagraphHeadings.Weight, Scoring: scoring)
            : new FacetedQuery(terms, new Dictionary<string, string>(), 0, take, Facets: false, TitleWeight: 0, Scoring: scoring); // every word in the paragraph itself
        return [.. lucene.Search(asked).Hits.Select(h => new SearchMatch { Id = h.Id, Rank = h.Rank })];
    }

    private static List<string> Words(IReadOnlyList<QueryTerm> terms) => terms.SelectMany(t => t.AllTexts).Distinct(StringComparer.Ordinal).ToList();

    public void Dispose() => _lucene?.Dispose();

    /// <summary>The paragraphs of each current version, a document's as one group, in the order version ids were committed.</summary>
    private sealed class PassageRecords : IIndexedRecordSource
    {
        private static readonly Dictionary<string, IReadOnlyList<string>> NoKeywords = [];

        public IReadOnlyList<string> KeywordFields { get; } = [];

        public string Layout => "paragraph-headings-above";

        public Task<long> LatestAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => DocumentSearchIndex.LatestCurrentVersionAsync(db, cancellationToken);

        /// <summary>The paragraphs of the next documents (about <paramref name="take"/> paragraphs, whole documents only).</summary>
        public async Task<IReadOnlyList<IndexedRecord>> AfterAsync(InnoClusterDbContext db, long position, int take, CancellationToken cancellationToken)
        {
            var versions = await DocumentSearchIndex.CurrentAfter(db, position).Take(Math.Max(1, take / 20)).ToListAsync(cancellationToken);
            var ids = versions.Select(v => v.VersionId).ToList();
            var passages = (await db.Set<DocumentPassage>().AsNoTracking().Where(p => ids.Contains(p.VersionId)).ToListAsync(cancellationToken)).ToLookup(p => p.VersionId);
            var headings = (await db.Set<DocumentSection>().AsNoTracking().Where(s => ids.Contains(s.VersionId) && s.Level < ParagraphHeadings.ArticleLevel)
                .Select(s => new { s.VersionId, s.Level, s.Start, s.Title }).ToListAsync(cancellationToken))
                .ToLookup(s => s.VersionId, s => new ParagraphHeadings.Heading(s.Level, s.Start, s.Title));
            var analyzer = SearchAnalyzer.Default;
            return versions.SelectMany(v =>
                {
                    var paragraphs = passages[v.VersionId].OrderBy(p => p.Ordinal).ToList();
                    var above = ParagraphHeadings.Above([.. headings[v.VersionId]], [.. paragraphs.Select(p => (p.Start, p.Start + p.Length))]);
                    return paragraphs.Select((p, i) => (DocumentId: v.Document.Id, v.VersionId, p.Id, Text: v.CleanText.Substring(p.Start, p.Length), Headings: above[i]));
                })
                .AsParallel().AsOrdered()
                .Select(p => new IndexedRecord(p.Id, p.VersionId, analyzer.IndexString(p.Headings), analyzer.IndexString(p.Text), 0, NoKeywords, p.DocumentId)).ToList();
        }
    }
}
