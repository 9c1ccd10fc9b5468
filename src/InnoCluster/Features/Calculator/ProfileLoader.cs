using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// Enterprise profiles for the calculator, from the registry's fact sheets: one enterprise, or every
/// enterprise (for the "who qualifies" lists, the push of a new clause or call, and the all-pairs run).
/// </summary>
public sealed class ProfileLoader(EnterpriseFactSheets sheets, ProfileSnapshot snapshot)
{
    public async Task<(EnterpriseFactSheet Sheet, EnterpriseProfile Profile)?> OneAsync(int enterpriseId, DateOnly asOf, CancellationToken cancellationToken) =>
        await sheets.OneAsync(enterpriseId, cancellationToken) is { } sheet ? (sheet, EnterpriseProfile.From(sheet, asOf)) : null;

    public Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        snapshot.AllAsync(asOf, async () => [.. (await sheets.AllAsync(asOf.Year, cancellationToken)).Select(sheet => EnterpriseProfile.From(sheet, asOf))]);
}

/// <summary>
/// Every firm's profile on one day, kept until a row it is read from changes in this process (and a minute at
/// most, for writes on other nodes): matching one new clause or call against the whole registry is then an
/// evaluation, not a read of every firm. Only the last day asked for is kept.
/// </summary>
public sealed class ProfileSnapshot(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);

    private (DateOnly Day, long Version, DateTimeOffset At, IReadOnlyList<EnterpriseProfile> Profiles)? _kept;

    public async Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly day, Func<Task<IReadOnlyList<EnterpriseProfile>>> load)
    {
        if (Fresh(day) is { } kept)
        {
            return kept;
        }

        await _loading.WaitAsync();
        try
        {
            if (Fresh(day) is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            // The version is read before the load: a change during it makes the next request load again.
            var version = EnterpriseFactSheets.Version;
            var at = clock.GetUtcNow();
            var profiles = await load();
            _kept = (day, version, at, profiles);
            return profiles;
        }
        finally
        {
            _loading.Release();
        }
    }

    private IReadOnlyList<EnterpriseProfile>? Fresh(DateOnly day)
    {
        var now = clock.GetUtcNow();
        return _kept is { } kept && kept.Day == day && kept.Version == EnterpriseFactSheets.Version && now - kept.At < MaxAge && kept.At <= now ? kept.Profiles : null;
    }

    public void Dispose() => _loading.Dispose();
}
