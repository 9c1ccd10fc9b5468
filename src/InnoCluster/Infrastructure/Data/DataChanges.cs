using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// A version per kind of row, raised after every save that added, changed or deleted one (and by bulk inserts),
/// so a cache of figures counted from those rows knows when to count again. Per process: another node's
/// writes are not seen here, which is why such caches also expire on their own.
/// </summary>
public static class DataChanges
{
    private static readonly ConcurrentDictionary<Type, long> Versions = new();

    public static void Changed(Type entityType) => Versions.AddOrUpdate(entityType, 1, (_, version) => version + 1);

    /// <summary>A number that changes whenever a row of any of <paramref name="entityTypes"/> changes in this process.</summary>
    public static long Version(IEnumerable<Type> entityTypes) => entityTypes.Sum(t => Versions.GetValueOrDefault(t));
}

/// <summary>Raises <see cref="DataChanges"/> for the kinds of row a save touched, once the save has succeeded.</summary>
public sealed class DataChangeInterceptor : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, Type[]> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.TryRemove(context, out var types))
        {
            foreach (var type in types)
            {
                DataChanges.Changed(type);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null)
        {
            _pending[context] = [.. context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Metadata.IsOwned() ? e.Metadata.FindOwnership()!.PrincipalEntityType.ClrType : e.Metadata.ClrType)
                .Distinct()];
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.TryRemove(context, out _);
        }
    }
}
