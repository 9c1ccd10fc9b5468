using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time, and Microsoft.Data.Sqlite waits for the write lock synchronously:
/// SQLite's busy handler sleeps on the calling thread. Fifty concurrent writers then park fifty
/// thread-pool threads, the pool starves, and every request — reads too — stalls for tens of seconds
/// (issue 22: p95 33.7 s and 3 % "database is locked" after idle). So the writers of this process queue
/// here first, awaiting asynchronously, and reach SQLite one at a time: a write transaction takes the
/// queue when it begins (Microsoft.Data.Sqlite begins IMMEDIATE, i.e. takes the write lock at once) and
/// leaves it when it commits, rolls back or its connection closes; a write statement outside a
/// transaction holds it while it runs. Other processes (the CLI) still meet SQLite's own busy timeout.
/// </summary>
public sealed class SqliteWriteQueue : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>A writer that waits longer than this gives up with an error instead of hanging.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _holderLock = new();
    private DbConnection? _holder;

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(Volatile.Read(ref _holder), connection))
        {
            return;
        }

        if (!await _turn.WaitAsync(MaxWait, cancellationToken))
        {
            throw new TimeoutException($"The database stayed busy with other writes for {MaxWait.TotalSeconds:F0} s; try again.");
        }

        lock (_holderLock)
        {
            _holder = connection;
        }
    }

    private void Enter(DbConnection connection)
    {
        if (ReferenceEquals(Volatile.Read(ref _holder), connection))
        {
            return;
        }

        if (!_turn.Wait(MaxWait))
        {
            throw new TimeoutException($"The database stayed busy with other writes for {MaxWait.TotalSeconds:F0} s; try again.");
        }

        lock (_holderLock)
        {
            _holder = connection;
        }
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        lock (_holderLock)
        {
            if (!ReferenceEquals(_holder, connection))
            {
                return;
            }

            _holder = null;
        }

        _turn.Release();
    }

    /// <summary>The context's connection: a completed transaction no longer names its own.</summary>
    private static DbConnection? ConnectionOf(TransactionEventData eventData) =>
        eventData.Context is { } context ? Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(context.Database) : null;

    private static bool Writes(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    // Transactions: the queue from begin to commit, rollback or failure.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Action != "Commit" || transaction.Connection is null)
        {
            Leave(ConnectionOf(eventData));
        }

        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action != "Commit" || transaction.Connection is null)
        {
            Leave(ConnectionOf(eventData));
        }
    }

    // A transaction disposed without commit or rollback ends with its connection at the latest.
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public ValueTask ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return ValueTask.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    // Write statements outside a transaction: the queue while they run.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Writes(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Writes(command))
        {
            Enter(command.Connection!);
        }

        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAfter(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAfter(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Writes(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (Writes(command))
        {
            Enter(command.Connection!);
        }

        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        LeaveAfter(command);
        return ValueTask.FromResult(result);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        LeaveAfter(command);
        return result;
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAfter(command);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAfter(command);

    private void LeaveAfter(DbCommand command)
    {
        if (Writes(command) && command.Connection is { } connection)
        {
            Leave(connection);
        }
    }

    public void Dispose() => _turn.Dispose();
}
