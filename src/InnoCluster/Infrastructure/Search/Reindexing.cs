using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;

namespace InnoCluster.Infrastructure.Search;

/// <summary>A feature's full-text index that the `reindex` verb can rebuild from the feature's tables.</summary>
public interface IRebuildableIndex
{
    SearchIndex Index { get; }

    Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken);

    /// <summary>How many bytes the index takes on disk (for the verb's report and benchmarks).</summary>
    Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// A full-text index kept in the database through the search dialect. The rebuild loop (clear, then read the
/// records in key order a batch at a time, segment on every core, write) is written once here; each index
/// says only how to read its next batch as texts.
/// </summary>
public abstract class SqlSearchIndex(ISearchDialect dialect) : IRebuildableIndex
{
    /// <summary>One record's key, title text and body text, before segmentation.</summary>
    public readonly record struct Text(long Id, string Title, string Body);

    /// <summary>A batch's texts and the key to read on from (a batch may hold no texts and still not be the last).</summary>
    public sealed record Batch(IReadOnlyList<Text> Texts, long LastKey);

    public abstract SearchIndex Index { get; }

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => dialect.SizeInBytesAsync(db, Index, cancellationToken);

    /// <summary>The records with a key above <paramref name="after"/>, in key order, one batch; null at the end.</summary>
    protected abstract Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken);

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        await dialect.ClearAsync(db, Index, cancellationToken);
        long last = 0;
        while (await ReadBatchAsync(db, last, cancellationToken) is { } batch)
        {
            await WriteAsync(db, batch.Texts, cancellationToken, areNew: true);
            last = batch.LastKey;
        }
    }

    /// <summary>Segments the texts (CPU work, spread over the cores) and writes them in the caller's unit of work.</summary>
    protected Task WriteAsync(InnoClusterDbContext db, IReadOnlyList<Text> texts, CancellationToken cancellationToken, bool areNew = false)
    {
        var analyzer = SearchAnalyzer.Default;
        var rows = texts.AsParallel().AsOrdered()
            .Select(t => (t.Id, t.Title.Length == 0 ? string.Empty : analyzer.IndexString(t.Title), analyzer.IndexString(t.Body))).ToList();
        return dialect.UpsertManyAsync(db, Index, rows, cancellationToken, areNew);
    }
}

/// <summary>Rebuilds the full-text indexes (all, or those named), each in its own transaction.</summary>
public static class Reindexing
{
    public sealed record Rebuilt(string Index, double Seconds, long Bytes);

    public static IReadOnlyList<IRebuildableIndex> Select(IServiceProvider services, string? only) =>
        [.. services.GetServices<IRebuildableIndex>().Where(i => only is null || i.Index.Name == only || i.Index.Name.StartsWith(only + "-", StringComparison.Ordinal))];

    public static async Task<IReadOnlyList<Rebuilt>> RebuildAsync(IServiceProvider services, IReadOnlyList<IRebuildableIndex> indexes, IProgress<Jobs.JobProgress>? progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InnoClusterDbContext>();
        var rebuilt = new List<Rebuilt>();
        foreach (var index in indexes)
        {
            progress?.Report(new Jobs.JobProgress(rebuilt.Count, indexes.Count, index.Index.Name));
            var started = System.Diagnostics.Stopwatch.StartNew();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await index.RebuildAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            rebuilt.Add(new Rebuilt(index.Index.Name, started.Elapsed.TotalSeconds, await index.SizeInBytesAsync(db, cancellationToken)));
        }

        return rebuilt;
    }
}

/// <summary>The reindex an operator starts from the API, as a background job with a page.</summary>
public sealed class ReindexJob : Jobs.JobKind<ReindexJob.Parameters, IReadOnlyList<Reindexing.Rebuilt>>
{
    public const string KindName = "reindex";

    public sealed record Parameters(string? Index);

    public override string Name => KindName;

    public override string Title => Web.Ui.L("重建全文索引", "Rebuild the full-text indexes");

    protected override async Task<IReadOnlyList<Reindexing.Rebuilt>> RunAsync(Parameters parameters, Jobs.JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        var indexes = Reindexing.Select(services, parameters?.Index);
        return indexes.Count == 0
            ? throw new Jobs.JobFailedException(Web.Ui.L($"没有名为“{parameters?.Index}”的索引", $"No index named '{parameters?.Index}'"))
            : await Reindexing.RebuildAsync(services, indexes, run, cancellationToken);
    }
}

public sealed class ReindexVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["reindex"];

    public string Usage => "reindex [INDEX]              rebuild full-text indexes from the data (all, or one: enterprises …)";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var only = command.Word(1);
        var indexes = Reindexing.Select(services, only);
        if (indexes.Count == 0)
        {
            await output.WriteLineAsync($"No index named '{only}'.");
            return 2;
        }

        foreach (var rebuilt in await Reindexing.RebuildAsync(services, indexes, null, cancellationToken))
        {
            await output.WriteLineAsync($"{rebuilt.Index}: rebuilt in {rebuilt.Seconds:F1} s, {rebuilt.Bytes / 1024.0:F0} KiB");
        }

        return 0;
    }
}
