using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Infrastructure.Seeding;

/// <summary>
/// One part of the seed dataset (data/seed/). Steps run in <see cref="Order"/> at start-up; a step runs
/// again only when its files change, and must be an upsert by natural keys, so running it twice is safe.
/// </summary>
public interface ISeedStep
{
    string Name { get; }

    int Order { get; }

    /// <summary>Raise when the step's code changes what it writes, so databases seeded before run it again.</summary>
    int Version { get; }

    /// <summary>The files the step reads, relative to the seed directory; their bytes make the step's hash.</summary>
    IReadOnlyList<string> Files { get; }

    Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken);
}

public sealed record SeedContext(InnoClusterPaths Paths, TimeProvider Clock, IServiceProvider Services)
{
    public string PathOf(string file) => Path.Combine(Paths.SeedDirectory, file);
}
