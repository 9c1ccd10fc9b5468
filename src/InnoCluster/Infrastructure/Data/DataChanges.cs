using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// A row that belongs to a root object (a firm's yearly figure belongs to the firm; the firm to itself), so a
/// cache kept per root can refresh only the roots whose rows changed. Rows owned by such a row (its provenance)
/// are not logged on their own: they must never change what the cache holds.
/// </summary>
public interface IPartOfRoot
{
    Type RootType { get; }

    int RootId { get; }
}

/// <summary>Where a reader of <see cref="DataChanges"/> stands: the versions it has seen, the changes it could not place, and the last logged root change.</summary>
public readonly record struct ChangeCursor(long Version, long Unplaced, long Sequence);

/// <summary>
/// A version per kind of row, raised after every save that added, changed or deleted one (and by bulk inserts),
/// so a cache of figures counted from those rows knows when to count again. Per process: another node's
/// writes are not seen here, which is why such caches also expire on their own. Saves of rows that are part of
/// a root are also logged with the root (the last <see cref="LogLength"/> of them), so such a cache can re-read
/// only the roots that changed; a change that cannot be placed (a bulk insert, a row of another kind) sends it
/// back to a full read.
/// </summary>
public static class DataChanges
{
    public const int LogLength = 100_000;

    private static readonly ConcurrentDictionary<Type, long> Versions = new();

    private static readonly ConcurrentDictionary<Type, long> Unplaced = new();

    private static readonly ConcurrentQueue<(long Sequence, Type Row, Type Root, int Id)> Log = new();

    private static long sequence;

    private static long lastDropped;

    /// <summary>Rows of this kind changed, and which roots they belong to is not known.</summary>
    public static void Changed(Type entityType)
    {
        Versions.AddOrUpdate(entityType, 1, (_, version) => version + 1);
        Unplaced.AddOrUpdate(entityType, 1, (_, count) => count + 1);
    }

    /// <summary>Rows of this kind changed, each part of the root given.</summary>
    public static void Changed(Type entityType, IEnumerable<(Type Root, int Id)> roots)
    {
        foreach (var (root, id) in roots)
        {
            Log.Enqueue((Interlocked.Increment(ref sequence), entityType, root, id));
        }

        while (Log.Count > LogLength && Log.TryDequeue(out var dropped))
        {
            Interlocked.Exchange(ref lastDropped, dropped.Sequence);
        }

        Versions.AddOrUpdate(entityType, 1, (_, version) => version + 1);
    }

    /// <summary>A number that changes whenever a row of any of <paramref name="entityTypes"/> changes in this process.</summary>
    public static long Version(IEnumerable<Type> entityTypes) => entityTypes.Sum(t => Versions.GetValueOrDefault(t));

    public static ChangeCursor Cursor(IReadOnlyCollection<Type> entityTypes) =>
        new(Version(entityTypes), entityTypes.Sum(t => Unplaced.GetValueOrDefault(t)), Interlocked.Read(ref sequence));

    /// <summary>
    /// The roots of <paramref name="root"/> whose rows among <paramref name="entityTypes"/> changed after <paramref name="since"/>,
    /// or null when some change since then cannot be placed (or the log no longer reaches back that far).
    /// </summary>
    public static IReadOnlySet<int>? RootsChangedSince(ChangeCursor since, Type root, IReadOnlyCollection<Type> entityTypes)
    {
        if (entityTypes.Sum(t => Unplaced.GetValueOrDefault(t)) != since.Unplaced || since.Sequence < Interlocked.Read(ref lastDropped))
        {
            return null;
        }

        return Log.Where(e => e.Sequence > since.Sequence && e.Root == root && entityTypes.Contains(e.Row)).Select(e => e.Id).ToHashSet();
    }
}

/// <summary>Raises <see cref="DataChanges"/> for the kinds of row a save touched, once the save has succeeded.</summary>
public sealed class DataChangeInterceptor : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, (Type Type, IReadOnlyList<object> Rows)[]> _pending = new();

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
            foreach (var (type, rows) in types)
            {
                if (rows.Count > 0 && rows.All(r => r is IPartOfRoot))
                {
                    DataChanges.Changed(type, [.. rows.Cast<IPartOfRoot>().Select(r => (r.RootType, r.RootId))]);
                }
                else if (rows.Count > 0 || !typeof(IPartOfRoot).IsAssignableFrom(type))
                {
                    DataChanges.Changed(type);
                }
                else
                {
                    DataChanges.Changed(type, []); // only rows it owns (provenance) changed: nothing a root cache holds
                }
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
            // The rows themselves (not owned ones) are kept: an added row's root id is known only after the save.
            _pending[context] = [.. context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .GroupBy(e => e.Metadata.IsOwned() ? e.Metadata.FindOwnership()!.PrincipalEntityType.ClrType : e.Metadata.ClrType)
                .Select(g => (g.Key, (IReadOnlyList<object>)[.. g.Where(e => !e.Metadata.IsOwned()).Select(e => e.Entity)]))];
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
