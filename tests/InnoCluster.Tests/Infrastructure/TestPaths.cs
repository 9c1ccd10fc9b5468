namespace InnoCluster.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test binary's folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed => Path.Combine(RepositoryRoot, "data", "seed");

    public static string SeedDocuments => Path.Combine(Seed, "documents");

    public static string Corpus(string file) => Path.Combine(RepositoryRoot, "tests", "fixtures", "corpus", file);

    public static string Fixture(string file) => Path.Combine(RepositoryRoot, "tests", "fixtures", file);

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "innocluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "data", "seed")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
