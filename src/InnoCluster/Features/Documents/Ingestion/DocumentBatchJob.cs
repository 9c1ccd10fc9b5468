using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>
/// A batch of uploaded documents as a background job: each file is ingested in its own transaction, so a
/// batch interrupted half-way is run again safely (a file already stored is recognised as unchanged).
/// </summary>
public sealed class DocumentBatchJob : JobKind<DocumentBatchJob.Parameters, IReadOnlyList<IngestResult>>
{
    public const string KindName = "document-batch";

    public const string IngestStage = "ingest";

    public sealed record Parameters;

    public override string Name => KindName;

    public override string Title => Ui.L("批量添加文档", "Document batch");

    public override string? ResultPartial => "/Features/Documents/Pages/_IngestResults.cshtml";

    public override string StageText(string stage) => stage == IngestStage ? Ui.L("逐个入库", "ingesting each file") : stage;

    public static Task<long> EnqueueAsync(JobQueue queue, IReadOnlyList<JobInput> files, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(KindName, new Parameters(), files, cancellationToken);

    protected override async Task<IReadOnlyList<IngestResult>> RunAsync(Parameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        var ingestion = services.GetRequiredService<DocumentIngestion>();
        var results = new List<IngestResult>();
        foreach (var file in run.Inputs)
        {
            run.Report(new JobProgress(results.Count, run.Inputs.Count, IngestStage));
            results.Add(await ingestion.IngestAsync(file.Name, file.Content, null, cancellationToken));
        }

        return results;
    }
}
