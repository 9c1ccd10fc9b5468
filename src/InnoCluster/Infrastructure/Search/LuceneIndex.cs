using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Search.Spans;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// A Lucene.Net index of one kind of record, in a folder beside the database file, holding the same
/// pre-analysed terms as the SQL full-text table plus the facet fields as doc values. SQL scores and groups
/// every match (0.7 s for a word found in 100k documents); Lucene keeps only the top page while it scores,
/// and counts the facets from column-stored values in the same pass.
/// <para>
/// The database stays the record. The index is a projection that follows its <see cref="IIndexedRecordSource"/>
/// by a watermark — the highest position it holds, kept in the Lucene commit: before every search, newer
/// records are indexed, so a committed change is found by the next search and a rolled-back one never is.
/// Another process's writes are picked up the same way; a database restored behind the index rebuilds it. A failed catch-up (a full disk) rolls back, leaves
/// the last commit searchable, and is tried again by the next search.
/// </para>
/// </summary>
public sealed class LuceneIndex : IFacetedSearch, IDisposable
{
    private const string WatermarkKey = "current-version-watermark";
    private const string AnalyzerKey = "text-fingerprint";
    private const string IdField = "id";
    private const string IdValueField = "id_value";
    private const string TitleField = "title";
    private const string BodyField = "body";
    private const string DateField = "date";
    private const string GroupField = "group";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly string _path;
    private readonly IIndexedRecordSource _source;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private FSDirectory? _directory;
    private SearcherManager? _searchers;
    private long _watermark = -1;

    public LuceneIndex(string path, IIndexedRecordSource source, ILogger? logger = null)
    {
        _path = path;
        _source = source;
        _logger = logger;
    }

    public async Task<FacetedResult> SearchAsync(InnoClusterDbContext db, FacetedQuery query, CancellationToken cancellationToken)
    {
        await CatchUpAsync(db, cancellationToken);
        return Search(query);
    }

    /// <summary>Indexes the records committed since the last search; a failure leaves the last commit in use.</summary>
    public async Task CatchUpAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        EnsureOpen();
        var latest = await _source.LatestAsync(db, cancellationToken);
        if (latest == Interlocked.Read(ref _watermark))
        {
            _searchers!.MaybeRefresh();
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Behind the database: index what is new. Ahead of it: the database was restored to an earlier state
            // (or replaced), so what the index holds is not what the database says: build it again from zero.
            await WriteSinceAsync(db, rebuild: latest < Interlocked.Read(ref _watermark), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LockObtainFailedException || StorageFailure.IsStorage(ex))
        {
            _logger?.LogWarning(ex, "The search index {Path} could not take in new records; searching what it holds", _path);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
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

    /// <summary>The highest position the index holds (its watermark); -1 before it is first opened.</summary>
    public long Position => Interlocked.Read(ref _watermark);

    public long SizeInBytes => System.IO.Directory.Exists(_path) ? new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Length) : 0L;

    /// <summary>
    /// Records holding every term (the word, or its parts at most <see cref="QueryTerm.PartsWindow"/> terms
    /// apart), BM25 with titles weighted as asked (documents': ten times the body, as in the SQL path) — or, when asked, any of the words, BM25 over
    /// the body (and the title, when weighed) scaled by the share of the words held; ties by date, newest first,
    /// then id. Without terms, or when asked for, newest first. Facets count every match, each of a record's values.
    /// </summary>
    public FacetedResult Search(FacetedQuery query)
    {
        EnsureOpen();
        var searcher = _searchers!.Acquire();
        try
        {
            var sort = query.Terms.Count > 0 && !query.NewestFirst
                ? new Sort(SortField.FIELD_SCORE, new SortField(DateField, SortFieldType.INT64, true), new SortField(IdValueField, SortFieldType.INT32))
                : new Sort(new SortField(DateField, SortFieldType.INT64, true), new SortField(IdValueField, SortFieldType.INT32, true));
            // Hits may come out of order: an any-word query is then scored a window of records at a time (Lucene's
            // BooleanScorer) instead of merging every word's postings one record after another; the sort ends with the id, so the page is the same.
            var top = TopFieldCollector.Create(sort, Math.Max(1, query.Skip + query.Take), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var counting = new FacetCountingCollector(top, query.Facets ? _source.KeywordFields : []);
            var scoring = query.Scoring is { } bm25 && bm25 != Bm25.Standard
                ? new IndexSearcher(searcher.IndexReader) { Similarity = new BM25Similarity(bm25.K1, bm25.B) }
                : searcher;
            scoring.Search(BuildQuery(query), counting);
            var page = top.GetTopDocs(query.Skip, query.Take).ScoreDocs;
            var hits = page.Select(d => new FacetedHit(RecordId(searcher.IndexReader, d.Doc), float.IsNaN(d.Score) ? 0 : d.Score)).ToList();
            return new FacetedResult(hits, counting.Total, counting.Counts());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>A hit's record id, from its doc values: reading the stored field decompresses a block of stored records per hit (200 paragraphs a question).</summary>
    private static int RecordId(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        return (int)leaf.AtomicReader.GetNumericDocValues(IdValueField).Get(doc - leaf.DocBase);
    }

    private static Query BuildQuery(FacetedQuery query)
    {
        Query terms;
        if (query.Terms.Count == 0)
        {
            terms = new MatchAllDocsQuery();
        }
        else if (query.AnyTerm)
        {
            // Coordination on: a record's score is scaled by the share of the words it holds, so coverage ranks first.
            // No title weight here: the body holds the title too, and a title word weighed apart (a short field, weighed
            // ten times) put every document titled with one common word of a question (公司, 工作) before its answer.
            // A title weight asked for (a paragraph's headings) adds to the word's body score within one clause, so coverage still counts words.
            var any = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = 1 };
            foreach (var term in query.Terms)
            {
                Query body = new TermQuery(new Term(BodyField, term.Text));
                if (query.AnyTermTitleWeight > 0)
                {
                    body = new BooleanQuery(disableCoord: true)
                    {
                        { body, Occur.SHOULD },
                        { new TermQuery(new Term(TitleField, term.Text)) { Boost = query.AnyTermTitleWeight }, Occur.SHOULD },
                    };
                }

                any.Add(body, Occur.SHOULD);
            }

            terms = any;
        }
        else
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var term in query.Terms)
            {
                var either = new BooleanQuery(disableCoord: true);
                var fields = query.TitleWeight > 0 ? new[] { (TitleField, query.TitleWeight), (BodyField, 1f) } : [(BodyField, 1f)];
                foreach (var (field, boost) in fields)
                {
                    either.Add(new TermQuery(new Term(field, term.Text)) { Boost = boost }, Occur.SHOULD);
                    if (term.Parts.Count > 0)
                    {
                        // The parts only add records that lack the whole word; reading their positions in every
                        // record that has it (人工 and 智能 in all that say 人工智能) cost 0.2 s at 100k documents.
                        var parts = term.Parts.Select(p => (SpanQuery)new SpanTermQuery(new Term(field, p))).ToArray();
                        var near = new SpanNearQuery(parts, QueryTerm.PartsWindow, inOrder: false);
                        either.Add(new FilteredQuery(near, new WithoutWordFilter(term.Text, [.. fields.Select(f => f.Item1)])) { Boost = boost }, Occur.SHOULD);
                    }
                }

                all.Add(either, Occur.MUST);
            }

            terms = all;
        }

        var filter = new BooleanQuery();
        foreach (var (field, value) in query.Filters)
        {
            filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? terms : new FilteredQuery(terms, new QueryWrapperFilter(filter));
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
        var reading = new System.Diagnostics.Stopwatch();
        try
        {
            var since = rebuild ? 0 : Interlocked.Read(ref _watermark);
            if (rebuild)
            {
                writer.DeleteAll();
            }

            var last = since;
            var replacedGroups = new HashSet<int>();
            var total = System.Diagnostics.Stopwatch.StartNew();
            var records = 0;
            while (await ReadAsync(last) is { Count: > 0 } batch)
            {
                records += batch.Count;
                foreach (var record in batch)
                {
                    if (record.Group is not { } group)
                    {
                        writer.UpdateDocument(new Term(IdField, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ToLucene(record));
                        continue;
                    }

                    // A group's records are replaced by one delete of the group, not one per record (a document's
                    // paragraphs: millions of delete terms at 100k documents otherwise).
                    if (!rebuild && replacedGroups.Add(group))
                    {
                        writer.DeleteDocuments(new Term(GroupField, group.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    writer.AddDocument(ToLucene(record));
                }

                last = batch[^1].Position;
            }

            writer.SetCommitData(new Dictionary<string, string>
            {
                [WatermarkKey] = last.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [AnalyzerKey] = Fingerprint,
            });
            writer.Commit();
            Interlocked.Exchange(ref _watermark, last);
            if (records > 0)
            {
                _logger?.LogInformation("Search index {Path} took in {Records} records in {Seconds:F1} s, {Reading:F1} s of it reading and analysing them", _path, records, total.Elapsed.TotalSeconds, reading.Elapsed.TotalSeconds);
            }
        }
        catch
        {
            // Leave the index as it was at its last commit and give back its write lock, so the next try can open it.
            writer.Rollback();
            throw;
        }

        _searchers!.MaybeRefreshBlocking();

        async Task<IReadOnlyList<IndexedRecord>> ReadAsync(long after)
        {
            reading.Start();
            var batch = await _source.AfterAsync(db, after, 500, cancellationToken);
            reading.Stop();
            return batch;
        }
    }

    private static LuceneDocument ToLucene(IndexedRecord record)
    {
        var document = new LuceneDocument
        {
            // The term a record is replaced by; hits read their id from the doc values below, so it is not stored.
            new StringField(IdField, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(IdValueField, record.Id),
            new TextField(TitleField, record.TitleTerms, Field.Store.NO),
            new TextField(BodyField, record.BodyTerms, Field.Store.NO),
            new NumericDocValuesField(DateField, record.SortDate),
        };
        if (record.Group is { } group)
        {
            document.Add(new StringField(GroupField, group.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO));
        }

        foreach (var (field, values) in record.Keywords)
        {
            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal))
            {
                document.Add(new StringField(field, value, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
        }

        return document;
    }

    /// <summary>
    /// What the written index depends on: the analyser's data, how keyword fields are stored (one or several
    /// values each) and which they are. An index written under another is rebuilt from zero.
    /// </summary>
    private string Fingerprint => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TextDataFingerprint.Current}|sorted-set|{string.Join(',', _source.KeywordFields)}{(_source.Layout.Length > 0 ? "|" + _source.Layout : "")}");

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

            System.IO.Directory.CreateDirectory(_path);
            _directory = FSDirectory.Open(_path);
            var fingerprint = Fingerprint;
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
        writer.SetCommitData(new Dictionary<string, string> { [WatermarkKey] = "0", [AnalyzerKey] = Fingerprint });
        writer.Commit();
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory?.Dispose();
        _writeLock.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
