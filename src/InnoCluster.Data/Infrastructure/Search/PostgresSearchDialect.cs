using System.Text;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace InnoCluster.Infrastructure.Search;

// Table names interpolated here come only from SearchIndex (a fixed set of constants); every value is a parameter.
#pragma warning disable EF1002, EF1003

/// <summary>
/// PostgreSQL full text over the same terms: a tsvector built in .NET (lexemes exactly as analysed,
/// with positions; title weight A) and a GIN index. Queries are tsquery values, cast without the text
/// parser, so "dfm-2" or 人工智能 stay single lexemes. Ranking: ts_rank with PostgreSQL's weights.
/// </summary>
public sealed class PostgresSearchDialect : ISearchDialect
{
    private const int MaxPosition = 16383;

    public string CreateIndexSql(SearchIndex index) =>
        $"CREATE TABLE IF NOT EXISTS {index.TableName} (id bigint PRIMARY KEY, document tsvector NOT NULL);" +
        $"CREATE INDEX IF NOT EXISTS ix_{index.TableName}_document ON {index.TableName} USING GIN (document);";

    public Task UpsertAsync(InnoClusterDbContext db, SearchIndex index, long id, string titleTerms, string bodyTerms, CancellationToken cancellationToken) =>
        UpsertManyAsync(db, index, [(id, titleTerms, bodyTerms)], cancellationToken);

    public async Task UpsertManyAsync(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<(long Id, string TitleTerms, string BodyTerms)> rows, CancellationToken cancellationToken, bool areNew = false)
    {
        if (rows.Count == 0)
        {
            return;
        }

        const int batchSize = 1000;
        for (var offset = 0; offset < rows.Count; offset += batchSize)
        {
            var batch = rows.Skip(offset).Take(batchSize).ToList();
            var ids = batch.Select(r => r.Id).ToArray();
            var documents = batch.Select(r => ToTsVector(r.TitleTerms, r.BodyTerms)).ToArray();
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {index.TableName} (id, document) SELECT u.id, u.doc::tsvector FROM unnest(@ids, @docs) AS u(id, doc) " +
                "ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document",
                [
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids },
                    new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = documents },
                ],
                cancellationToken);
        }
    }

    /// <summary>
    /// Rows holding any of the terms, ranked by BM25 as FTS5 and Lucene rank on the embedded path: each term's
    /// inverse document frequency (counted per query on the GIN index), its frequency in the row — ts_rank_cd of a
    /// one-lexeme query is the sum of its occurrences' weights, so a title occurrence (weight A) counts ten body
    /// ones (D), as FTS5's column weights do — saturated (k1 1.2) and normalised by the row's length against the
    /// average of the rows found (b 0.75; length = distinct lexemes, which PostgreSQL reads from the tsvector's
    /// header). The sum is weighed by the share of the terms the row holds, as Lucene's coordination does.
    /// </summary>
    public IQueryable<SearchMatch> MatchAny(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<string> terms) =>
        db.Database.SqlQueryRaw<SearchMatch>(
            $"WITH q AS (SELECT t::tsquery AS query FROM unnest(@terms) AS t), " +
            $"total AS (SELECT count(*)::float8 AS n FROM {index.TableName}), " +
            $"weighed AS (SELECT q.query, ln(1 + (total.n - c.n + 0.5) / (c.n + 0.5)) AS idf FROM q, total, LATERAL (SELECT count(*)::float8 AS n FROM {index.TableName} x WHERE x.document @@ q.query) c), " +
            $"hits AS (SELECT s.id, w.idf, 10 * ts_rank_cd(s.document, w.query, 0) AS tf, length(s.document)::float8 AS len FROM {index.TableName} s JOIN weighed w ON s.document @@ w.query), " +
            $"normed AS (SELECT hits.*, avg(len) OVER () AS average FROM hits) " +
            $"SELECT id::int AS id, (sum(idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / greatest(average, 1)))) * count(*) / @count)::float8 AS rank " +
            $"FROM normed GROUP BY id",
            new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms.Distinct(StringComparer.Ordinal).Select(Lexeme).ToArray() },
            new NpgsqlParameter("count", NpgsqlDbType.Double) { Value = (double)Math.Max(1, terms.Distinct(StringComparer.Ordinal).Count()) });

    public IQueryable<int> MatchIds(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms) =>
        db.Database.SqlQueryRaw<int>(
            $"SELECT s.id::int AS \"Value\" FROM {index.TableName} s WHERE s.document @@ {{0}}::tsquery",
            ToTsQuery(terms));

    public async Task RemoveAsync(InnoClusterDbContext db, SearchIndex index, long id, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {index.TableName} WHERE id = {{0}}", [id], cancellationToken);

    public async Task ClearAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {index.TableName}", cancellationToken);

    public IQueryable<SearchMatch> Match(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms) =>
        db.Database.SqlQueryRaw<SearchMatch>(
            $"SELECT s.id::int AS id, ts_rank(s.document, q.query)::float8 AS rank FROM {index.TableName} s, (SELECT {{0}}::tsquery AS query) q WHERE s.document @@ q.query",
            ToTsQuery(terms));

    /// <summary>The advisory lock's key, next to the audit chain's (7340001) and the reminder schedule's (7340002).</summary>
    private const long FollowedWritesLock = 7340003;

    public async Task OrderFollowedWritesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({FollowedWritesLock})", cancellationToken);

    public async Task<long> SizeInBytesAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>($"SELECT pg_total_relation_size('{index.TableName}') AS \"Value\"").SingleAsync(cancellationToken);

    internal static string ToTsVector(string titleTerms, string bodyTerms)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        void Add(string terms, string weight)
        {
            foreach (var term in terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Encoding.UTF8.GetByteCount(term) > 2000)
                {
                    continue;
                }

                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(term, out var list))
                {
                    positions[term] = list = [];
                }

                if (list.Count < 256)
                {
                    list.Add(position.ToString(System.Globalization.CultureInfo.InvariantCulture) + weight);
                }
            }
        }

        Add(titleTerms, "A");
        Add(bodyTerms, string.Empty);
        var builder = new StringBuilder();
        foreach (var (term, list) in positions)
        {
            builder.Append(Lexeme(term)).Append(':').AppendJoin(',', list).Append(' ');
        }

        return builder.ToString();
    }

    internal static string ToTsQuery(IReadOnlyList<QueryTerm> terms)
    {
        var builder = new StringBuilder();
        foreach (var term in terms)
        {
            if (builder.Length > 0)
            {
                builder.Append(" & ");
            }

            if (term.Parts.Count == 0)
            {
                builder.Append(Lexeme(term.Text));
                continue;
            }

            // Like FTS5's NEAR and Lucene's unordered span: each part within PartsWindow positions of the previous one, either side.
            builder.Append('(').Append(Lexeme(term.Text)).Append(" | (");
            var pairs = term.Parts.Zip(term.Parts.Skip(1)).Select(pair =>
                "(" + string.Join(" | ", Enumerable.Range(1, QueryTerm.PartsWindow + 1)
                    .SelectMany(d => new[] { $"{Lexeme(pair.First)} <{d}> {Lexeme(pair.Second)}", $"{Lexeme(pair.Second)} <{d}> {Lexeme(pair.First)}" })) + ")");
            builder.AppendJoin(" & ", pairs);
            builder.Append("))");
        }

        return builder.ToString();
    }

    private static string Lexeme(string term) =>
        "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
