using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Search.Spans;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The embedded path's document search: a Lucene.Net index next to the SQLite file, holding the same
/// pre-analysed terms as the FTS5 table plus the facet fields as doc values. FTS5 scores and groups every
/// match in SQL, which costs 0.7 s for a word found in 100k documents; Lucene keeps only the top page
/// while it scores and counts the facets from column-stored values in the same pass.
/// <para>
/// The SQLite tables stay the record, and the FTS5 table still changes in the document's transaction.
/// This index is a projection that follows them by a watermark: the highest current-version id it
/// holds, kept in the Lucene commit. Before every search, newer current versions are indexed (SQLite
/// has one writer, so version ids become visible in order and a committed document is found by the next
/// search; a rolled-back one never is). Another process's ingest is picked up the same way.
/// </para>
/// </summary>
public sealed class DocumentSearchIndex : IRebuildableIndex, IDisposable
{
    private const string WatermarkKey = "current-version-watermark";
    private const string AnalyzerKey = "text-fingerprint";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly string? _path;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly object _openLock = new();
    private FSDirectory? _directory;
    private SearcherManager? _searchers;
    private long _watermark = -1;

    private readonly ILogger<DocumentSearchIndex>? _logger;

    public DocumentSearchIndex(DatabaseInfo database, Microsoft.Extensions.Options.IOptions<DocumentOptions> options, ILogger<DocumentSearchIndex>? logger = null)
    {
        _logger = logger;
        if (database.Provider != DatabaseProvider.Sqlite || !options.Value.SearchIndex)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            _path = Path.GetFullPath(file) + ".search";
        }
    }

    /// <summary>True on the embedded path with a database file; otherwise the search runs in SQL.</summary>
    public bool Enabled => _path is not null;

    public SearchIndex Index { get; } = new("documents-lucene");

    public sealed record Filters(DocumentKind? Kind, DocumentLevel? Level, DocumentStatus? Status, string? Issuer, int? Year);

    public sealed record Hit(int Id, double Rank);

    public sealed record Outcome(IReadOnlyList<Hit> Hits, int Total, IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts);

    /// <summary>Indexes the current versions committed since the last search.</summary>
    public async Task CatchUpAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        EnsureOpen();
        var latest = await db.Set<Document>().MaxAsync(d => d.CurrentVersionId, cancellationToken) ?? 0;
        if (latest <= Interlocked.Read(ref _watermark))
        {
            _searchers!.MaybeRefresh();
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteSinceAsync(db, rebuild: false, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException || StorageFailure.IsStorage(ex))
        {
            // A full disk, say: the search answers from what the index held at its last commit, and the
            // next search tries again — nothing waits for a restart.
            _logger?.LogWarning(ex, "The document search index could not take in new documents; searching what it holds");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        EnsureOpen();
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteSinceAsync(db, rebuild: true, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult(_path is not null && System.IO.Directory.Exists(_path)
            ? new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Length)
            : 0L);

    /// <summary>
    /// Documents holding every term (the word, or its parts at most <see cref="QueryTerm.PartsWindow"/>
    /// terms apart), BM25 with titles weighted ten times the body as in the FTS5 path; ties by date,
    /// newest first, then id. Without terms, all documents newest first. Facets count every match.
    /// </summary>
    public Outcome Search(IReadOnlyList<QueryTerm> terms, Filters filters, int skip, int take, bool facets)
    {
        var searcher = _searchers!.Acquire();
        try
        {
            var query = BuildQuery(terms, filters);
            var sort = terms.Count > 0
                ? new Sort(SortField.FIELD_SCORE, new SortField(Fields.Date, SortFieldType.INT64, true), new SortField(Fields.IdValue, SortFieldType.INT32))
                : new Sort(new SortField(Fields.Date, SortFieldType.INT64, true), new SortField(Fields.IdValue, SortFieldType.INT32, true));
            var top = TopFieldCollector.Create(sort, Math.Max(1, skip + take), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            var counting = new FacetCountingCollector(top, facets);
            searcher.Search(query, counting);
            var page = top.GetTopDocs(skip, take).ScoreDocs;
            var hits = page.Select(d => new Hit(int.Parse(searcher.Doc(d.Doc).Get(Fields.Id, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), float.IsNaN(d.Score) ? 0 : d.Score)).ToList();
            return new Outcome(hits, counting.Total, counting.Counts());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static Query BuildQuery(IReadOnlyList<QueryTerm> terms, Filters filters)
    {
        Query query;
        if (terms.Count == 0)
        {
            query = new MatchAllDocsQuery();
        }
        else
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var term in terms)
            {
                var either = new BooleanQuery(disableCoord: true);
                foreach (var (field, boost) in new[] { (Fields.Title, 10f), (Fields.Body, 1f) })
                {
                    either.Add(new TermQuery(new Term(field, term.Text)) { Boost = boost }, Occur.SHOULD);
                    if (term.Parts.Count > 0)
                    {
                        // The parts only add documents that lack the whole word; reading their positions in every
                        // document that has it (人工 and 智能 in all that say 人工智能) cost 0.2 s at 100k documents.
                        var parts = term.Parts.Select(p => (SpanQuery)new SpanTermQuery(new Term(field, p))).ToArray();
                        var near = new SpanNearQuery(parts, QueryTerm.PartsWindow, inOrder: false);
                        either.Add(new FilteredQuery(near, new WithoutWordFilter(term.Text)) { Boost = boost }, Occur.SHOULD);
                    }
                }

                all.Add(either, Occur.MUST);
            }

            query = all;
        }

        var filter = new BooleanQuery();
        void Require(string field, string? value)
        {
            if (value is not null)
            {
                filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
            }
        }

        Require(Fields.Kind, filters.Kind?.ToString());
        Require(Fields.Level, filters.Level?.ToString());
        Require(Fields.Status, filters.Status?.ToString());
        Require(Fields.Issuer, filters.Issuer);
        Require(Fields.Year, filters.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return filter.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
    }

    private async Task WriteSinceAsync(InnoClusterDbContext db, bool rebuild, CancellationToken cancellationToken)
    {
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(_directory, config);
        try
        {
            await WriteBatchesAsync(writer, db, rebuild, cancellationToken);
        }
        catch
        {
            // Leave the index as it was at its last commit and give back its write lock, so the next try can open it.
            writer.Rollback();
            throw;
        }
    }

    private async Task WriteBatchesAsync(IndexWriter writer, InnoClusterDbContext db, bool rebuild, CancellationToken cancellationToken)
    {
        var since = rebuild ? 0 : Interlocked.Read(ref _watermark);
        if (rebuild)
        {
            writer.DeleteAll();
        }

        var analyzer = SearchAnalyzer.Default;
        var last = since;
        while (true)
        {
            var after = last;
            var batch = await (from d in db.Set<Document>().AsNoTracking()
                               join v in db.Set<DocumentVersion>().AsNoTracking() on d.CurrentVersionId equals v.Id
                               where v.Id > after
                               orderby v.Id
                               select new { Document = d, VersionId = v.Id, v.CleanText }).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var documents = batch.AsParallel().AsOrdered().Select(b => ToLucene(b.Document, analyzer.IndexString(b.Document.Title), analyzer.IndexString(b.CleanText))).ToList();
            foreach (var (id, document) in batch.Select(b => b.Document.Id).Zip(documents))
            {
                writer.UpdateDocument(new Term(Fields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), document);
            }

            last = batch[^1].VersionId;
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [WatermarkKey] = last.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AnalyzerKey] = TextDataFingerprint.Current.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        writer.Commit();
        Interlocked.Exchange(ref _watermark, last);
        _searchers!.MaybeRefreshBlocking();
    }

    private static LuceneDocument ToLucene(Document d, string titleTerms, string bodyTerms)
    {
        var id = d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var document = new LuceneDocument
        {
            new StringField(Fields.Id, id, Field.Store.YES),
            new NumericDocValuesField(Fields.IdValue, d.Id),
            new TextField(Fields.Title, titleTerms, Field.Store.NO),
            new TextField(Fields.Body, bodyTerms, Field.Store.NO),
            // Ordered by the document's own date, as the SQL path; undated ones (0) come last.
            new NumericDocValuesField(Fields.Date, d.DocumentDate?.DayNumber ?? 0),
        };
        void Keyword(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                document.Add(new StringField(field, value, Field.Store.NO));
                document.Add(new SortedDocValuesField(field, new BytesRef(value)));
            }
        }

        Keyword(Fields.Kind, d.Kind.ToString());
        Keyword(Fields.Level, d.Level.ToString());
        Keyword(Fields.Status, d.Status.ToString());
        Keyword(Fields.Issuer, d.IssuingBody);
        Keyword(Fields.Year, d.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return document;
    }

    private void EnsureOpen()
    {
        if (_searchers is not null)
        {
            return;
        }

        lock (_openLock)
        {
            if (_searchers is not null)
            {
                return;
            }

            System.IO.Directory.CreateDirectory(_path!);
            _directory = FSDirectory.Open(_path);
            var fingerprint = TextDataFingerprint.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
            long watermark = 0;
            if (DirectoryReader.IndexExists(_directory))
            {
                var infos = new SegmentInfos();
                infos.Read(_directory);
                var data = infos.UserData;
                // Terms written by another analyser version would miss new queries: start again from zero.
                if (data.TryGetValue(AnalyzerKey, out var written) && written == fingerprint && data.TryGetValue(WatermarkKey, out var value))
                {
                    watermark = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    Clear();
                }
            }
            else
            {
                Clear();
            }

            _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
            Interlocked.Exchange(ref _watermark, watermark);
        }
    }

    private void Clear()
    {
        using var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { OpenMode = OpenMode.CREATE });
        writer.SetCommitData(new Dictionary<string, string> { [WatermarkKey] = "0", [AnalyzerKey] = TextDataFingerprint.Current.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        writer.Commit();
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory?.Dispose();
        _writeLock.Dispose();
    }

    private static class Fields
    {
        public const string Id = "id";
        public const string IdValue = "id_value";
        public const string Title = "title";
        public const string Body = "body";
        public const string Date = "date";
        public const string Kind = "kind";
        public const string Level = "level";
        public const string Status = "status";
        public const string Issuer = "issuer";
        public const string Year = "year";

        public static readonly string[] Facets = [Kind, Level, Status, Issuer, Year];
    }

    /// <summary>Documents holding the word in neither title nor body.</summary>
    private sealed class WithoutWordFilter(string word) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
        {
            var reader = context.AtomicReader;
            var without = new FixedBitSet(reader.MaxDoc);
            without.Set(0, reader.MaxDoc);
            foreach (var field in new[] { Fields.Title, Fields.Body })
            {
                if (reader.GetTermDocsEnum(new Term(field, word)) is { } holding)
                {
                    without.AndNot(holding);
                }
            }

            return BitsFilteredDocIdSet.Wrap(without, acceptDocs);
        }

        public override bool Equals(object? obj) => obj is WithoutWordFilter other && other.Word == Word;

        public override int GetHashCode() => Word.GetHashCode(StringComparison.Ordinal);

        private string Word => word;
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Passes every hit to the top-page collector and counts the facet values of each, segment by segment.</summary>
    private sealed class FacetCountingCollector(ICollector inner, bool countFacets) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> _counts = Fields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        private readonly SortedDocValues?[] _values = new SortedDocValues?[Fields.Facets.Length];
        private readonly int[][] _segmentCounts = new int[Fields.Facets.Length][];

        public int Total { get; private set; }

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            FlushSegment();
            inner.SetNextReader(context);
            if (!countFacets)
            {
                return;
            }

            for (var i = 0; i < Fields.Facets.Length; i++)
            {
                _values[i] = context.AtomicReader.GetSortedDocValues(Fields.Facets[i]);
                _segmentCounts[i] = new int[_values[i]?.ValueCount ?? 0];
            }
        }

        public void Collect(int doc)
        {
            Total++;
            inner.Collect(doc);
            if (!countFacets)
            {
                return;
            }

            for (var i = 0; i < _values.Length; i++)
            {
                var ord = _values[i]?.GetOrd(doc) ?? -1;
                if (ord >= 0)
                {
                    _segmentCounts[i][ord]++;
                }
            }
        }

        public Dictionary<string, Dictionary<string, int>> Counts()
        {
            FlushSegment();
            return _counts;
        }

        private void FlushSegment()
        {
            var text = new BytesRef();
            for (var i = 0; i < _values.Length; i++)
            {
                if (_values[i] is not { } values)
                {
                    continue;
                }

                var counts = _counts[Fields.Facets[i]];
                for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
                {
                    if (_segmentCounts[i][ord] > 0)
                    {
                        values.LookupOrd(ord, text);
                        var key = text.Utf8ToString();
                        counts[key] = counts.GetValueOrDefault(key) + _segmentCounts[i][ord];
                    }
                }

                _values[i] = null;
            }
        }
    }
}

/// <summary>
/// Brings the Lucene index up to date when the server starts, so the first search after an upgrade or a
/// large import made while the server was down does not pay for it (it would otherwise wait for it).
/// </summary>
public sealed class DocumentSearchIndexWarmup(IServiceScopeFactory scopes, DocumentSearchIndex index, ILogger<DocumentSearchIndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!index.Enabled)
        {
            return;
        }

        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or Lucene.Net.Store.LockObtainFailedException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Searching catches up again on its own; a failed warm-up only costs the first search its time.
            logger.LogWarning(e, "The document search index could not catch up at start; the first search will.");
        }
    }
}
