using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;

namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// The provider-specific SQL of full-text search, behind one interface: SQLite FTS5 on the embedded
/// path, PostgreSQL tsvector + GIN on the scale-out path. Both index the same terms, produced in .NET.
/// Writes go through the context's connection and current transaction, so the index changes in the
/// same unit of work as the data.
/// </summary>
public interface ISearchDialect
{
    /// <summary>SQL that creates the index's storage; used by the provider's migrations.</summary>
    string CreateIndexSql(SearchIndex index);

    Task UpsertAsync(InnoClusterDbContext db, SearchIndex index, long id, string titleTerms, string bodyTerms, CancellationToken cancellationToken);

    /// <summary>Writes many rows; <paramref name="areNew"/> promises none is indexed yet (skips the delete).</summary>
    Task UpsertManyAsync(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<(long Id, string TitleTerms, string BodyTerms)> rows, CancellationToken cancellationToken, bool areNew = false);

    Task RemoveAsync(InnoClusterDbContext db, SearchIndex index, long id, CancellationToken cancellationToken);

    Task ClearAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken);

    /// <summary>Records holding every term (a term may match through its parts); composable with LINQ.</summary>
    IQueryable<SearchMatch> Match(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms);

    /// <summary>Records holding any of the terms, most relevant first (for "related" suggestions).</summary>
    IQueryable<SearchMatch> MatchAny(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<string> terms);

    /// <summary>The ids <see cref="Match"/> would return, without computing relevance (for counting).</summary>
    IQueryable<int> MatchIds(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms);

    /// <summary>
    /// Called in a transaction before it draws the key a node-local index follows by watermark (a document's
    /// version id): keys must become visible in the order they were drawn, or a node that caught up past a later
    /// key would never see an earlier one committed after it. SQLite has one writer at a time; PostgreSQL takes a
    /// transaction-scoped advisory lock, so such writes commit one after another across every node. (The audit
    /// chain's lock orders every audited save today as well; this one states the rule where the index needs it.)
    /// </summary>
    Task OrderFollowedWritesAsync(InnoClusterDbContext db, CancellationToken cancellationToken);

    /// <summary>How many bytes the index takes on disk (for benchmarks).</summary>
    Task<long> SizeInBytesAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken);
}
