namespace InnoCluster.Infrastructure;

/// <summary>
/// Where the platform keeps its files: the database and uploads (DataDirectory) and the seed dataset
/// (SeedDirectory). Configured with InnoCluster:DataDirectory / InnoCluster:SeedDirectory; by default the
/// repository's data/ folder, found by walking up from the content root — or, for a published package
/// outside any repository, data/ under the content root and the seed/ folder shipped beside the binary.
/// </summary>
public sealed record InnoClusterPaths(string DataDirectory, string SeedDirectory, string SourceDocumentsDirectory, string? SharedUploadsDirectory = null)
{
    /// <summary>
    /// Uploaded files: data/uploads, or InnoCluster:UploadsDirectory — a directory every node of a
    /// several-node deployment mounts (NFS, a shared volume), so a file written on one is read on another.
    /// </summary>
    public string UploadsDirectory => SharedUploadsDirectory ?? Path.Combine(DataDirectory, "uploads");

    public static InnoClusterPaths From(IConfiguration configuration, string contentRoot)
    {
        var repositoryData = FindRepositoryData(contentRoot);
        var data = configuration["InnoCluster:DataDirectory"] ?? repositoryData ?? Path.Combine(contentRoot, "data");
        var packagedSeed = Path.Combine(AppContext.BaseDirectory, "seed");
        var seed = configuration["InnoCluster:SeedDirectory"]
            ?? (repositoryData is not null ? Path.Combine(repositoryData, "seed") : Directory.Exists(packagedSeed) ? packagedSeed : Path.Combine(data, "seed"));
        var sources = configuration["InnoCluster:SourceDocumentsDirectory"] ?? Path.Combine(seed, "documents");
        var uploads = configuration["InnoCluster:UploadsDirectory"];
        return new InnoClusterPaths(Path.GetFullPath(data), Path.GetFullPath(seed), Path.GetFullPath(sources), string.IsNullOrWhiteSpace(uploads) ? null : Path.GetFullPath(uploads));
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
