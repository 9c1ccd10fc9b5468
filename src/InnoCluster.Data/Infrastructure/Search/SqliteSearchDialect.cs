using System.Data;
using System.Globalization;
using System.Text;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnoCluster.Infrastructure.Search;

// Table names interpolated here come only from SearchIndex (a fixed set of constants); every value is a parameter.
#pragma warning disable EF1002, EF1003

/// <summary>
/// SQLite FTS5 over pre-segmented terms. unicode61 with '-.+_#' as token characters keeps the terms
/// exactly as the analyzer wrote them (dfm-2, it+bt); contentless with contentless_delete, since the
/// text lives in the feature's own tables. Ranking: bm25 with the title weighted ten times the body.
/// </summary>
public sealed class SqliteSearchDialect : ISearchDialect
{
    public string CreateIndexSql(SearchIndex index) =>
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {index.TableName} USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");";

    public Task UpsertAsync(InnoClusterDbContext db, SearchIndex index, long id, string titleTerms, string bodyTerms, CancellationToken cancellationToken) =>
        UpsertManyAsync(db, index, [(id, titleTerms, bodyTerms)], cancellationToken);

    public IQueryable<SearchMatch> MatchAny(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<string> terms) =>
        db.Database.SqlQueryRaw<SearchMatch>(
            $"SELECT rowid AS id, -bm25({index.TableName}, 10.0, 1.0) AS rank FROM {index.TableName} WHERE {index.TableName} MATCH {{0}} LIMIT -1",
            string.Join(" OR ", terms.Select(Quote)));

    public IQueryable<int> MatchIds(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms) =>
        db.Database.SqlQueryRaw<int>(
            $"SELECT rowid AS \"Value\" FROM {index.TableName} WHERE {index.TableName} MATCH {{0}} LIMIT -1",
            ToMatchExpression(terms));

    public async Task UpsertManyAsync(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<(long Id, string TitleTerms, string BodyTerms)> rows, CancellationToken cancellationToken, bool areNew = false)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM {index.TableName} WHERE rowid = $id";
        AddParameter(delete, "$id", 0L);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {index.TableName}(rowid, title, body) VALUES ($id, $title, $body)";
        AddParameter(insert, "$id", 0L);
        AddParameter(insert, "$title", string.Empty);
        AddParameter(insert, "$body", string.Empty);
        await insert.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!areNew)
            {
                delete.Parameters[0].Value = row.Id;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            insert.Parameters[0].Value = row.Id;
            insert.Parameters[1].Value = row.TitleTerms;
            insert.Parameters[2].Value = row.BodyTerms;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async Task RemoveAsync(InnoClusterDbContext db, SearchIndex index, long id, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {index.TableName} WHERE rowid = {{0}}", [id], cancellationToken);

    public async Task ClearAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {index.TableName}", cancellationToken);

    public IQueryable<SearchMatch> Match(InnoClusterDbContext db, SearchIndex index, IReadOnlyList<QueryTerm> terms)
    {
        var expression = ToMatchExpression(terms);
        return db.Database.SqlQueryRaw<SearchMatch>(
            // LIMIT -1 keeps SQLite from flattening this into the caller's join, which would probe the
            // full-text index once per outer row instead of reading the matches once.
            $"SELECT rowid AS id, -bm25({index.TableName}, 10.0, 1.0) AS rank FROM {index.TableName} WHERE {index.TableName} MATCH {{0}} LIMIT -1",
            expression);
    }

    public Task OrderFollowedWritesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long> SizeInBytesAsync(InnoClusterDbContext db, SearchIndex index, CancellationToken cancellationToken)
    {
        // The FTS5 shadow table _data holds the inverted index's segments.
        var sql = $"SELECT COALESCE(SUM(length(block)), 0) AS \"Value\" FROM {index.TableName}_data";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
    }

    /// <summary>FTS5 query syntax: every term quoted, its parts as a NEAR alternative, all AND-ed.</summary>
    internal static string ToMatchExpression(IReadOnlyList<QueryTerm> terms)
    {
        var builder = new StringBuilder();
        foreach (var term in terms)
        {
            if (builder.Length > 0)
            {
                builder.Append(" AND ");
            }

            if (term.Parts.Count == 0)
            {
                builder.Append(Quote(term.Text));
                continue;
            }

            // The parts must stand close together, as a word split by the segmenter or by brackets does.
            builder.Append('(').Append(Quote(term.Text)).Append(" OR NEAR(");
            builder.AppendJoin(' ', term.Parts.Select(Quote));
            builder.Append(", ").Append(QueryTerm.PartsWindow.ToString(CultureInfo.InvariantCulture)).Append("))");
        }

        return builder.ToString();
    }

    private static string Quote(string term) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
}
