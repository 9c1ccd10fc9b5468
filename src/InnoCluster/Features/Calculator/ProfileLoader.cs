using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// Enterprise profiles for the calculator, from the registry's fact sheets: one enterprise, or every
/// enterprise (for the "who qualifies" lists, the push of a new clause or call, and the all-pairs run).
/// </summary>
public sealed class ProfileLoader(EnterpriseFactSheets sheets, ProfileSnapshot snapshot)
{
    public async Task<(EnterpriseFactSheet Sheet, EnterpriseProfile Profile)?> OneAsync(int enterpriseId, DateOnly asOf, CancellationToken cancellationToken) =>
        await sheets.OneAsync(enterpriseId, cancellationToken) is { } sheet ? (sheet, EnterpriseProfile.From(sheet, asOf)) : null;

    public Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly asOf, CancellationToken cancellationToken) => snapshot.AllAsync(asOf, cancellationToken);
}

/// <summary>
/// Every firm's profile on one day, kept current: after a save in this process only the firms whose rows changed
/// are read again (the whole registry only when a district, a chain node or a bulk write changed). Writes on other
/// nodes are not seen here, so the whole registry is read again in the background once the read is a minute old,
/// while the kept profiles keep answering. Matching one new clause or call against the whole registry is then an
/// evaluation, not a read of every firm. Only the last day asked for is kept.
/// </summary>
public sealed class ProfileSnapshot(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProfileSnapshot> log) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>More changed firms than this are read with everyone else.</summary>
    public const int MaxReread = 5_000;

    private readonly SemaphoreSlim _loading = new(1, 1);

    private readonly CancellationTokenSource _stopping = new();

    private Kept? _kept;

    private int _refreshing;

    private sealed record Kept(DateOnly Day, ChangeCursor Cursor, DateTimeOffset ReadAt, IReadOnlyList<EnterpriseProfile> Profiles);

    /// <summary>Whether a background read of the whole registry is running (for tests that wait for it).</summary>
    public bool Refreshing => Volatile.Read(ref _refreshing) == 1;

    public async Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var kept = _kept;
        if (kept is null || kept.Day != day || kept.Cursor.Version != EnterpriseFactSheets.Version)
        {
            await _loading.WaitAsync(cancellationToken);
            try
            {
                kept = await CurrentAsync(day, cancellationToken);
            }
            finally
            {
                _loading.Release();
            }
        }

        if (clock.GetUtcNow() - kept.ReadAt >= MaxAge && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() => RefreshAsync(day), CancellationToken.None);
        }

        return kept.Profiles;
    }

    /// <summary>Under the lock: the kept profiles with this process's changes read in, or everything read for a new day.</summary>
    private async Task<Kept> CurrentAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var kept = _kept;
        if (kept is not null && kept.Day == day && kept.Cursor.Version == EnterpriseFactSheets.Version)
        {
            return kept;
        }

        // The cursor is taken before the read: a change during it is read again next time.
        var cursor = EnterpriseFactSheets.Cursor;
        if (kept is not null && kept.Day == day && EnterpriseFactSheets.ChangedSince(kept.Cursor) is { Count: <= MaxReread } changed)
        {
            var reread = changed.Count == 0 ? [] : await ReadAsync(day, changed, cancellationToken);
            return _kept = kept with { Cursor = cursor, Profiles = Merge(kept.Profiles, changed, reread) };
        }

        var at = clock.GetUtcNow();
        return _kept = new Kept(day, cursor, at, await ReadAsync(day, null, cancellationToken));
    }

    private async Task RefreshAsync(DateOnly day)
    {
        try
        {
            var cursor = EnterpriseFactSheets.Cursor;
            var at = clock.GetUtcNow();
            var all = await ReadAsync(day, null, _stopping.Token);
            await _loading.WaitAsync(_stopping.Token);
            try
            {
                if (_kept is { } kept && kept.Day == day)
                {
                    _kept = new Kept(day, cursor, at, all); // changes made during the read are after the cursor: the next request reads them in
                }
            }
            finally
            {
                _loading.Release();
            }
        }
        catch (Exception e) when (e is ObjectDisposedException || (e is OperationCanceledException && _stopping.IsCancellationRequested))
        {
            // shutting down
        }
        catch (Exception e)
        {
            log.LogError(e, "Reading every firm's profile again failed; the kept profiles keep answering");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<IReadOnlyList<EnterpriseProfile>> ReadAsync(DateOnly day, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sheets = scope.ServiceProvider.GetRequiredService<EnterpriseFactSheets>();
        var read = only is null ? await sheets.AllAsync(day.Year, cancellationToken) : await sheets.ManyAsync(only, day.Year, cancellationToken);
        return [.. read.Select(sheet => EnterpriseProfile.From(sheet, day))];
    }

    /// <summary>The kept profiles with the changed firms' replaced by their re-read ones (or dropped, when the firm is gone); new firms at the end.</summary>
    private static List<EnterpriseProfile> Merge(IReadOnlyList<EnterpriseProfile> kept, IReadOnlySet<int> changed, IReadOnlyList<EnterpriseProfile> reread)
    {
        var fresh = reread.ToDictionary(p => p.EnterpriseId);
        var merged = new List<EnterpriseProfile>(kept.Count + fresh.Count);
        foreach (var profile in kept)
        {
            if (!changed.Contains(profile.EnterpriseId))
            {
                merged.Add(profile);
            }
            else if (fresh.Remove(profile.EnterpriseId, out var replaced))
            {
                merged.Add(replaced);
            }
        }

        merged.AddRange(fresh.Values.OrderBy(p => p.EnterpriseId));
        return merged;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _loading.Dispose();
    }
}
