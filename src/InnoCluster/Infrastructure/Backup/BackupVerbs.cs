using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Infrastructure.Backup;

/// <summary>`backup FILE`: the database and the data directory in one archive, while the platform runs.</summary>
public sealed class BackupVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["backup"];

    public string Usage => "backup FILE.tar.gz          the database (online) and the data directory, with checksums";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (command.Word(1) is not { } file)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        var manifest = await BackupArchive.CreateAsync(services.GetRequiredService<DatabaseInfo>(), services.GetRequiredService<InnoClusterPaths>(), Path.GetFullPath(file), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        await output.WriteLineAsync($"Backed up {manifest.Provider} database and {manifest.Files.Count - 1} files to {Path.GetFullPath(file)}.");
        return 0;
    }
}

/// <summary>`restore FILE`: into an empty data directory or database, every checksum checked first. Runs before migration and seeding.</summary>
public sealed class RestoreVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["restore"];

    public string Usage => "restore FILE.tar.gz         into an empty data directory / database; start the platform afterwards";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (command.Word(1) is not { } file || !File.Exists(file))
        {
            await output.WriteLineAsync("Usage: " + Usage + (command.Word(1) is { } missing ? $" ({missing} not found)" : ""));
            return 2;
        }

        try
        {
            var manifest = await BackupArchive.RestoreAsync(Path.GetFullPath(file), services.GetRequiredService<DatabaseInfo>(), services.GetRequiredService<InnoClusterPaths>(), cancellationToken);
            await output.WriteLineAsync($"Restored the {manifest.Provider} database and {manifest.Files.Count - 1} files of {manifest.CreatedAt:yyyy-MM-dd HH:mm} backup. Start the platform; the search indexes are rebuilt at start.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            await output.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
