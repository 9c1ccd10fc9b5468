using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// Inserts many new rows of one entity type without EF's change tracker: prepared statements on SQLite,
/// binary COPY on PostgreSQL, in the context's current transaction. Columns, names and value conversions
/// come from the EF model (owned types such as Provenance included), so rows are stored exactly as
/// SaveChanges would store them. Written by hand because no bulk library for EF Core 10 is on the
/// package mirror (EFCore.BulkExtensions is not served); the import of 100k enterprises needs it.
/// </summary>
public static class BulkInsert
{
    /// <summary>Reserves <paramref name="count"/> keys for <typeparamref name="T"/>'s integer identity column.</summary>
    public static async Task<int[]> ReserveKeysAsync<T>(InnoClusterDbContext db, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var table = Table(db, typeof(T));
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Provider == DatabaseProvider.Postgres)
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table.Name}', '{table.KeyColumn}'))::int FROM generate_series(1, {count})";
            var keys = new List<int>(count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetInt32(0));
            }

            return [.. keys];
        }

        // SQLite: the write transaction holds the only writer, so max + 1 … is free; AUTOINCREMENT's
        // sqlite_sequence is respected so deleted keys are not reused.
        command.CommandText =
            $"SELECT MAX(COALESCE((SELECT MAX(\"{table.KeyColumn}\") FROM \"{table.Name}\"), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0))";
        var start = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
        return [.. Enumerable.Range(start, count)];
    }

    /// <summary>Inserts the entities; the key column is written only when <paramref name="withKeys"/>.</summary>
    public static async Task InsertAsync<T>(InnoClusterDbContext db, IReadOnlyCollection<T> entities, bool withKeys, CancellationToken cancellationToken)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        try
        {
            await CopyAsync(db, entities, withKeys, cancellationToken);
        }
        finally
        {
            // Rows written past the change tracker: caches of what they count are told here.
            DataChanges.Changed(typeof(T));
        }
    }

    private static async Task CopyAsync<T>(InnoClusterDbContext db, IReadOnlyCollection<T> entities, bool withKeys, CancellationToken cancellationToken)
        where T : class
    {

        var table = Table(db, typeof(T));
        var columns = table.Columns.Where(c => withKeys || !c.IsKey).ToList();
        var connection = await OpenAsync(db, cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({list}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var entity in entities)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    var value = column.Value(entity);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.PostgresType, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
            return;
        }

        // SQLite: one prepared single-row INSERT, re-bound per row. (Multi-row VALUES is slower here:
        // SQLite looks named parameters up by a linear search, so binding cost grows with the square.)
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        foreach (var entity in entities)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(entity) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<DbConnection> OpenAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }

    private sealed record Column(string Name, bool IsKey, RelationalTypeMapping Mapping, string PostgresType, Func<object, object?> Value);

    private sealed record TableShape(string Name, string KeyColumn, IReadOnlyList<Column> Columns);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Context, Type Entity), TableShape> Shapes = new();

    private static TableShape Table(InnoClusterDbContext db, Type clrType) =>
        Shapes.GetOrAdd((db.GetType(), clrType), _ =>
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties.Single();
            var columns = new List<Column>();
            AddColumns(entityType, store, e => e, columns, isOwned: false);
            return new TableShape(table, key.GetColumnName(store)!, columns);
        });

    private static void AddColumns(IEntityType entityType, StoreObjectIdentifier store, Func<object, object?> owner, List<Column> columns, bool isOwned)
    {
        foreach (var property in entityType.GetProperties())
        {
            var isKey = property.IsPrimaryKey();
            if (isOwned && isKey)
            {
                continue; // the owner's key column, already written
            }

            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            var storeType = mapping.StoreType;
            var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
            var postgresType = parenthesis < 0 ? storeType : storeType[..parenthesis].Trim();
            columns.Add(new Column(property.GetColumnName(store)!, isKey, mapping, postgresType, entity =>
            {
                var instance = owner(entity);
                if (instance is null)
                {
                    return null;
                }

                var value = getter.GetClrValue(instance);
                return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
            }));
        }

        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var navigationGetter = navigation.GetGetter();
            AddColumns(navigation.TargetEntityType, store, entity => owner(entity) is { } o ? navigationGetter.GetClrValue(o) : null, columns, isOwned: true);
        }
    }
}
