using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Text;

namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// Rebuilds every full-text index when the analyzer's dictionaries change (an upgrade that segments or
/// normalises differently), so old tokens never silently miss new queries. Runs after all data steps.
/// </summary>
public sealed class SearchIndexSeedStep : ISeedStep
{
    public string Name => "search-indexes";

    public int Order => 1000;

    public int Version => TextDataFingerprint.Current;

    public IReadOnlyList<string> Files => [];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        foreach (var index in context.Services.GetServices<IRebuildableIndex>())
        {
            await index.RebuildAsync(db, cancellationToken);
        }
    }
}
