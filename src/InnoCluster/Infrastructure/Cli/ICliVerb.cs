namespace InnoCluster.Infrastructure.Cli;

/// <summary>A CLI verb a feature contributes ("import enterprises", "reindex").</summary>
public interface ICliVerb
{
    /// <summary>The words that select this verb, e.g. ["import", "enterprises"].</summary>
    IReadOnlyList<string> Words { get; }

    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code (0 ok, 1 failed, 2 usage).</summary>
    Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken);
}
