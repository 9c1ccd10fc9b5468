using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The document search's Lucene index (<see cref="LuceneIndex"/>), fed with the current version of each document.
/// On SQLite it sits beside the database file; on PostgreSQL each app node keeps its own copy under its data
/// directory, named after the database it follows, and catches up with the versions committed on any node before
/// each search (version ids commit in order: <see cref="ISearchDialect.OrderFollowedWritesAsync"/>). Off (the
/// search then runs in SQL, <see cref="DocumentSqlSearch"/>) for an in-memory database or Documents:SearchIndex false.
/// </summary>
public sealed class DocumentSearchIndex : IRebuildableIndex, IFacetedSearch, IDisposable
{
    private readonly LuceneIndex? _lucene;

    public DocumentSearchIndex(DatabaseInfo database, InnoClusterPaths paths, Microsoft.Extensions.Options.IOptions<Ingestion.DocumentOptions> options, ILogger<LuceneIndex>? logger = null)
    {
        if (!options.Value.SearchIndex || FolderFor(database, paths) is not { } folder)
        {
            return;
        }

        _lucene = new LuceneIndex(folder, new DocumentRecords(), logger);
    }

    /// <summary>Where the index of <paramref name="database"/> lives; null when the database is in memory.</summary>
    public static string? FolderFor(DatabaseInfo database, InnoClusterPaths paths)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(file) + ".search";
        }

        // One folder per database followed, so a node pointed at another database never reads a watermark that is not its own.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{server.Host}:{server.Port}/{server.Database}")))[..16];
        var name = new string([.. (server.Database ?? "").Where(char.IsAsciiLetterOrDigit).Take(40)]);
        // Named like the SQLite file's index (….search), which backups leave out: an index is rebuilt from the database.
        return Path.Combine(paths.DataDirectory, $"documents-{name}-{key}.search");
    }

    /// <summary>True unless the database is in memory or the index is turned off; otherwise the search runs in SQL.</summary>
    public bool Enabled => _lucene is not null;

    public SearchIndex Index { get; } = new("documents-lucene");

    /// <summary>The highest current version id the index holds (-1 before it is first opened, or when off).</summary>
    public long Position => _lucene?.Position ?? -1;

    public Task CatchUpAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => _lucene?.CatchUpAsync(db, cancellationToken) ?? Task.CompletedTask;

    public Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => _lucene?.RebuildAsync(db, cancellationToken) ?? Task.CompletedTask;

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => Task.FromResult(_lucene?.SizeInBytes ?? 0L);

    public Task<FacetedResult> SearchAsync(InnoClusterDbContext db, FacetedQuery query, CancellationToken cancellationToken) =>
        _lucene?.SearchAsync(db, query, cancellationToken) ?? throw new InvalidOperationException("The document search index is off: search in SQL.");

    public void Dispose() => _lucene?.Dispose();

    /// <summary>The position the documents' and the paragraphs' indexes follow: the highest current version id.</summary>
    internal static async Task<long> LatestCurrentVersionAsync(InnoClusterDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Document>().MaxAsync(d => d.CurrentVersionId, cancellationToken) ?? 0;

    /// <summary>
    /// The documents whose current version came after <paramref name="position"/>, with its text, in version order.
    /// Filtered and ordered on the documents' current version id (indexed), not the versions' own id: SQLite then reads
    /// the next batch from that index and stops, where ordering by the versions' id sorted every later document with its
    /// text first — 2.3 s a batch at the start of a 100,000-document catch-up, most of its time.
    /// </summary>
    internal static IQueryable<CurrentVersion> CurrentAfter(InnoClusterDbContext db, long position)
    {
        var after = (int)Math.Min(position, int.MaxValue);
        return from d in db.Set<Document>().AsNoTracking()
               where d.CurrentVersionId > after
               join v in db.Set<DocumentVersion>().AsNoTracking() on d.CurrentVersionId equals v.Id
               orderby d.CurrentVersionId
               select new CurrentVersion(d, v.Id, v.CleanText);
    }

    internal sealed record CurrentVersion(Document Document, int VersionId, string CleanText);

    /// <summary>The current version of each document, in the order version ids were committed.</summary>
    private sealed class DocumentRecords : IIndexedRecordSource
    {
        public IReadOnlyList<string> KeywordFields { get; } = DocumentSqlSearch.FacetFields;

        public Task<long> LatestAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => LatestCurrentVersionAsync(db, cancellationToken);

        public async Task<IReadOnlyList<IndexedRecord>> AfterAsync(InnoClusterDbContext db, long position, int take, CancellationToken cancellationToken)
        {
            var batch = await CurrentAfter(db, position).Take(take).ToListAsync(cancellationToken);
            var analyzer = SearchAnalyzer.Default;
            return batch.AsParallel().AsOrdered().Select(b => new IndexedRecord(
                b.Document.Id,
                b.VersionId,
                analyzer.IndexString(b.Document.Title),
                analyzer.IndexString(b.CleanText),
                // Ordered by the document's own date, as the SQL path; undated ones (0) come last.
                b.Document.DocumentDate?.DayNumber ?? 0,
                DocumentSqlSearch.FacetValues(b.Document))).ToList();
        }
    }
}

/// <summary>
/// Keeps this node's Lucene indexes (documents, paragraphs) following the database between searches: up to date when the
/// server starts, so the first search after an upgrade or an import made while it was down does not pay for it, and then
/// every Documents:SearchIndexFollowSeconds, so an import made on another node or from the command line is taken in
/// before someone searches. Each search still catches up with what is left (a write on this node is found at once).
/// </summary>
public sealed class DocumentSearchIndexFollower(IServiceScopeFactory scopes, DocumentSearchIndex documents, DocumentPassageIndex passages,
    Microsoft.Extensions.Options.IOptions<Ingestion.DocumentOptions> options, ILogger<DocumentSearchIndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!documents.Enabled && !passages.Enabled)
        {
            return;
        }

        await Task.Yield();
        var every = options.Value.SearchIndexFollowSeconds;
        using var timer = every > 0 ? new PeriodicTimer(TimeSpan.FromSeconds(every)) : null;
        try
        {
            do
            {
                await CatchUpAsync(stoppingToken);
            }
            while (timer is not null && await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            await documents.CatchUpAsync(db, stoppingToken);
            await passages.CatchUpAsync(db, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The database briefly away (a restart, a failover) must not stop the server: the next tick, or the next search, tries again.
            logger.LogWarning(ex, "The search indexes could not follow the database this time");
        }
    }
}
