namespace InnoCluster.Infrastructure;

/// <summary>
/// Where the platform keeps its files: the database and uploads (DataDirectory) and the seed dataset
/// (SeedDirectory). Configured with InnoCluster:DataDirectory / InnoCluster:SeedDirectory; by default the
/// repository's data/ folder, found by walking up from the content root.
/// </summary>
public sealed record InnoClusterPaths(string DataDirectory, string SeedDirectory, string SourceDocumentsDirectory)
{
    public static InnoClusterPaths From(IConfiguration configuration, string contentRoot)
    {
        var repositoryData = FindRepositoryData(contentRoot);
        var data = configuration["InnoCluster:DataDirectory"] ?? repositoryData ?? Path.Combine(contentRoot, "data");
        var seed = configuration["InnoCluster:SeedDirectory"] ?? Path.Combine(repositoryData ?? data, "seed");
        var sources = configuration["InnoCluster:SourceDocumentsDirectory"] ?? Path.Combine(seed, "documents");
        return new InnoClusterPaths(Path.GetFullPath(data), Path.GetFullPath(seed), Path.GetFullPath(sources));
    }

    private static string? FindRepositoryData(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "seed");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(directory.FullName, "data");
            }
        }

        return null;
    }
}
