using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Infrastructure.Search;

/// <summary>A feature's full-text index that the `reindex` verb can rebuild from the feature's tables.</summary>
public interface IRebuildableIndex
{
    SearchIndex Index { get; }

    Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken);

    /// <summary>How many bytes the index takes on disk (for the verb's report and benchmarks).</summary>
    Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken);
}

public sealed class ReindexVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["reindex"];

    public string Usage => "reindex [INDEX]              rebuild full-text indexes from the data (all, or one: enterprises …)";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InnoClusterDbContext>();
        var only = command.Word(1);
        var indexes = services.GetServices<IRebuildableIndex>().Where(i => only is null || i.Index.Name == only || i.Index.Name.StartsWith(only + "-", StringComparison.Ordinal)).ToList();
        if (indexes.Count == 0)
        {
            await output.WriteLineAsync($"No index named '{only}'.");
            return 2;
        }

        foreach (var index in indexes)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await index.RebuildAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var size = await index.SizeInBytesAsync(db, cancellationToken);
            await output.WriteLineAsync($"{index.Index.Name}: rebuilt in {started.Elapsed.TotalSeconds:F1} s, {size / 1024.0:F0} KiB");
        }

        return 0;
    }
}
