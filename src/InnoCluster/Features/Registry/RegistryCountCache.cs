using System.Collections.Concurrent;
using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Features.Registry;

/// <summary>
/// The registry's counts for indicators, kept per question (what, where, on which day) until a row they are
/// counted from changes in this process, or for a minute at most (another node's writes are seen within it).
/// A dashboard asks the same counts on every view; over 500,000 designations each costs tens of milliseconds.
/// </summary>
public sealed class RegistryCountCache(TimeProvider clock, IReadOnlyList<Type> countedFrom)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 10_000;

    public RegistryCountCache(TimeProvider clock)
        : this(clock, CountedFrom)
    {
    }

    private static readonly Type[] CountedFrom =
        [typeof(Enterprise), typeof(EnterpriseTier), typeof(ProductCertification), typeof(StandardRecord), typeof(Filing), typeof(FinancingRecord), typeof(YearlyFigure), typeof(Carrier), typeof(CarrierStage), typeof(CarrierCapacity), typeof(EnterpriseChainLink), typeof(ChainNode), typeof(InvestmentProject), typeof(ProjectStageRecord)];

    private readonly ConcurrentDictionary<string, (long Version, DateTimeOffset At, decimal Value)> _counts = new(StringComparer.Ordinal);

    public async Task<int> CountAsync(string question, Func<Task<int>> count) =>
        (int)await SumAsync(question, async () => await count());

    /// <summary>A total (an investment sum) kept like a count.</summary>
    public async Task<decimal> SumAsync(string question, Func<Task<decimal>> count)
    {
        var version = DataChanges.Version(countedFrom);
        var now = clock.GetUtcNow();
        if (_counts.TryGetValue(question, out var kept) && kept.Version == version && now - kept.At < MaxAge && kept.At <= now)
        {
            return kept.Value;
        }

        var value = await count();
        if (_counts.Count >= MaxEntries)
        {
            _counts.Clear();
        }

        _counts[question] = (version, now, value);
        return value;
    }
}
