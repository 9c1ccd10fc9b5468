using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Registry.Import;

public static class ImportStages
{
    public const string Read = "read";
    public const string Validate = "validate";
    public const string Write = "write";
    public const string Index = "index";

    public static string Text(string stage) => stage switch
    {
        Read => Ui.L("读取文件", "reading the file"),
        Validate => Ui.L("逐行校验", "checking each row"),
        Write => Ui.L("写入", "writing"),
        Index => Ui.L("建立索引", "indexing"),
        _ => stage,
    };
}

/// <summary>An enterprise import (dry run or for real) as a background job: the spreadsheet is kept with the job.</summary>
public sealed class EnterpriseImportJob : JobKind<EnterpriseImportJob.Parameters, ImportReport>
{
    public const string KindName = "enterprise-import";

    public sealed record Parameters(string? Mapping, bool DryRun);

    public override string Name => KindName;

    public override string Title => Ui.L("企业数据导入", "Enterprise import");

    public override string? ResultPartial => "/Features/Registry/Pages/_ImportReport.cshtml";

    public override string StageText(string stage) => ImportStages.Text(stage);

    public static async Task<long> EnqueueAsync(JobQueue queue, IFormFile file, string? mapping, bool dryRun, CancellationToken cancellationToken) =>
        await queue.EnqueueAsync(KindName, new Parameters(string.IsNullOrWhiteSpace(mapping) ? null : mapping, dryRun), [await JobInputs.ReadAsync(file, cancellationToken)], cancellationToken);

    protected override async Task<ImportReport> RunAsync(Parameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        var file = run.Inputs.Single();
        using var stream = new MemoryStream(file.Content, writable: false);
        var report = await services.GetRequiredService<EnterpriseImport>().RunAsync(file.Name, stream, parameters.Mapping, parameters.DryRun, cancellationToken, run);
        if (ImportWorkbooks.HasFindings(report))
        {
            // The problems as a workbook beside the job, to work through the file row by row.
            run.AddOutput(Path.GetFileNameWithoutExtension(file.Name) + "-问题清单.xlsx", ImportWorkbooks.ContentType, await ImportWorkbooks.ReportAsync(report, cancellationToken));
        }

        return report;
    }
}
