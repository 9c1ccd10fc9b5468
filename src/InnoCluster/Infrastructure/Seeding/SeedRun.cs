namespace InnoCluster.Infrastructure.Seeding;

/// <summary>A seed step applied to this database, with the hash of the files it read.</summary>
public sealed class SeedRun
{
    public string Name { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }
}
