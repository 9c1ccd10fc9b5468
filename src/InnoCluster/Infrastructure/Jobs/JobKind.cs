using System.Text.Json;

namespace InnoCluster.Infrastructure.Jobs;

/// <summary>How far a job has come: rows or files done of a total (when known), and the stage it is in.</summary>
public readonly record struct JobProgress(int Done, int? Total, string Stage);

/// <summary>A failure that running again will not mend (Chromium missing, a plan deleted): the job fails at once.</summary>
public sealed class JobFailedException(string message) : Exception(message);

/// <summary>
/// One kind of background job, registered by the feature that owns the work. The kind reads its parameters
/// and input files, reports progress, and returns a result that its page partial shows.
/// </summary>
public interface IJobKind
{
    /// <summary>Stored in each job row: never rename a kind that may have queued jobs.</summary>
    string Name { get; }

    /// <summary>What the job is, in the reader's language ("企业数据导入").</summary>
    string Title { get; }

    /// <summary>The Razor partial that shows the result (its model is <see cref="ReadResult"/>'s value), or null.</summary>
    string? ResultPartial { get; }

    /// <summary>A stage's words in the reader's language.</summary>
    string StageText(string stage);

    Task<string?> RunAsync(JobRun run, IServiceProvider services, CancellationToken cancellationToken);

    object? ReadResult(string? json);
}

/// <summary>A job kind with typed parameters and result; both are stored as JSON in the job row.</summary>
public abstract class JobKind<TParameters, TResult> : IJobKind
    where TResult : class
{
    public abstract string Name { get; }

    public abstract string Title { get; }

    public virtual string? ResultPartial => null;

    public virtual string StageText(string stage) => stage;

    protected abstract Task<TResult> RunAsync(TParameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken);

    async Task<string?> IJobKind.RunAsync(JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        var parameters = run.Parameters is null ? default : JsonSerializer.Deserialize<TParameters>(run.Parameters, JobJson.Options);
        var result = await RunAsync(parameters!, run, services, cancellationToken);
        return JsonSerializer.Serialize(result, JobJson.Options);
    }

    public object? ReadResult(string? json) => json is null ? null : JsonSerializer.Deserialize<TResult>(json, JobJson.Options);
}

public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>What a running job sees: its parameters, its input files, a progress reporter and a place for output files.</summary>
public sealed class JobRun(BackgroundJob job, IReadOnlyList<JobFile> inputs, JobProgressBoard board) : IProgress<JobProgress>
{
    private readonly List<JobFile> _outputs = [];

    public long Id => job.Id;

    public string? Parameters => job.Parameters;

    public IReadOnlyList<JobFile> Inputs => inputs;

    public IReadOnlyList<JobFile> Outputs => _outputs;

    public void Report(JobProgress value) => board.Set(job.Id, value);

    public void AddOutput(string name, string contentType, byte[] content) =>
        _outputs.Add(new JobFile { JobId = job.Id, Role = JobFileRole.Output, Ordinal = _outputs.Count, Name = name, ContentType = contentType, Content = content });
}

/// <summary>
/// The live progress of the jobs running on this node. The page reads it from here when the job runs on the
/// node it asks; the runner copies it into the job row at each lease renewal for the other nodes.
/// </summary>
public sealed class JobProgressBoard
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, JobProgress> _live = new();

    public void Set(long id, JobProgress progress) => _live[id] = progress;

    public JobProgress? Get(long id) => _live.TryGetValue(id, out var progress) ? progress : null;

    public bool IsRunningHere(long id) => _live.ContainsKey(id);

    internal void Start(long id) => _live[id] = new JobProgress(0, null, "start");

    internal void Remove(long id) => _live.TryRemove(id, out _);
}

/// <summary>Wakes the job runner when a job is queued.</summary>
public sealed class JobSignal : WakeSignal;

public sealed class JobOptions
{
    /// <summary>Jobs one node runs at the same time.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often the runner looks for queued jobs (another node's, or a retry's) when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node's claim on a job lasts without renewal; a job whose node died runs again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a finished job keeps its files (the uploaded spreadsheet, the PDF); the job and its result stay.</summary>
    public TimeSpan KeepFilesFor { get; set; } = TimeSpan.FromDays(30);
}
