using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Plans;

/// <summary>
/// The annual report printed to PDF as a background job (Chromium may take up to two minutes): the person
/// follows it on the job page and downloads the file from there, now or later.
/// </summary>
public sealed class AnnualReportPdfJob : JobKind<AnnualReportPdfJob.Parameters, AnnualReportPdfJob.Printed>
{
    public const string KindName = "annual-report-pdf";

    public sealed record Parameters(int PlanId, int? Year, string Culture);

    public sealed record Printed(string File, int Bytes);

    public override string Name => KindName;

    public override string Title => Ui.L("年度报告 PDF", "Annual report PDF");

    public override string StageText(string stage) => stage == "print" ? Ui.L("用 Chromium 排版打印", "printing with Chromium") : stage;

    public static Task<long> EnqueueAsync(JobQueue queue, int planId, int? year, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(KindName, new Parameters(planId, year is >= 2000 and <= 2100 ? year : null, Ui.English ? "en" : "zh-CN"), [], cancellationToken);

    protected override async Task<Printed> RunAsync(Parameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<ListPlans>().FindAsync(parameters.PlanId, cancellationToken) is null)
        {
            throw new JobFailedException(Ui.L("行动计划不存在", "The plan does not exist"));
        }

        run.Report(new JobProgress(0, 1, "print"));
        var year = parameters.Year is { } y ? $"&year={y}" : "&toDate=true";
        var (bytes, problem) = await services.GetRequiredService<Infrastructure.Files.ChromiumPdf>().RenderAsync(
            $"/plans/{parameters.PlanId}/report?culture={parameters.Culture}&ui-culture={parameters.Culture}{year}", cancellationToken);
        if (bytes is null)
        {
            throw new JobFailedException(problem ?? "PDF");
        }

        var name = AnnualReport.FileName(parameters.PlanId, parameters.Year, InnoCluster.Infrastructure.BeijingTime.Today(services.GetRequiredService<TimeProvider>()), "pdf");
        run.AddOutput(name, "application/pdf", bytes);
        return new Printed(name, bytes.Length);
    }
}
