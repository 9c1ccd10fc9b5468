using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>A task: its text, responsible units, every report version, and the form a responsible unit files with.</summary>
[Authorize(Policy = Policies.ProgressReporter)]
[BodyLimit(BodyKind.Attachments)]
public sealed class PlanTaskPageModel(InnoClusterDbContext db, TaskReports reports, TimeProvider clock, InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<InnoCluster.Infrastructure.Files.UploadOptions> uploadOptions) : PageModel
{
    public PlanTask Task { get; private set; } = default!;

    public ActionPlan Plan { get; private set; } = default!;

    public IReadOnlyList<TaskReports.ReportDto> Reports { get; private set; } = [];

    public IReadOnlyList<PlanTarget> Targets { get; private set; } = [];

    public IReadOnlyList<ReportingPeriod> OpenPeriods { get; private set; } = [];

    public Reporter Reporter { get; private set; } = default!;

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> FileNames { get; private set; } = new Dictionary<Guid, string>();

    public TaskReports.Filed? Filed { get; private set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? FigureTarget { get; set; }

    [BindProperty]
    public string? FigureValue { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notAllowed)
        {
            return notAllowed; // unknown task, or a department not responsible for it: nothing is uploaded
        }

        // Each file goes through the checked upload store (type by content, size, quota) before it is attached.
        var limits = uploadOptions.Value.Limits;
        var (attachments, refused) = await uploads.SaveFormFilesAsync(Reporter.UserId, "progress-report", Files, InnoCluster.Infrastructure.Files.UploadStore.AttachmentKinds, limits, cancellationToken);
        if (refused is not null)
        {
            Problems["attachments"] = [refused];
            return Page();
        }

        List<TaskReports.FigureInput> figures = FigureTarget is null && string.IsNullOrWhiteSpace(FigureValue) ? [] : [new(FigureTarget, FigureValue)];
        var result = await reports.FileAsync(id, new TaskReports.ReportRequest(Period, Unit, Text, figures, attachments), Reporter, cancellationToken);
        if (result.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = result.Problem is { } problem ? problem.ByField.ToDictionary(p => p.Key, p => p.Value) : [];
        Filed = result.Value;
        if (Filed is not null)
        {
            Text = null;
            FigureValue = null;
            Reports = await reports.ForTaskAsync(id, cancellationToken);
            await NameFilesAsync(cancellationToken);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        Reporter = PlansFeature.ReporterOf(User);
        if (!Reporter.MayReportOn(task.Units))
        {
            return Forbid(); // a department sees and reports on its own tasks
        }

        Task = task;
        Plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == task.PlanId, cancellationToken);
        Reports = await reports.ForTaskAsync(id, cancellationToken);
        await NameFilesAsync(cancellationToken);
        Targets = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.PlanId == task.PlanId).OrderBy(t => t.TaskId == id ? 0 : 1).ThenBy(t => t.Order).ToListAsync(cancellationToken);
        var closed = await db.Set<ReportingPeriodClosure>().AsNoTracking().Where(c => c.PlanId == task.PlanId).Select(c => c.Period).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var periods = new List<ReportingPeriod>();
        if (Plan.StartYear is { } first && Plan.EndYear is { } last)
        {
            for (var p = new ReportingPeriod(last, 4); p >= new ReportingPeriod(first, 1); p = p.Previous)
            {
                if (p.Start <= today && !closed.Contains(p.ToString()))
                {
                    periods.Add(p);
                }
            }
        }

        OpenPeriods = periods;
        Period ??= periods.FirstOrDefault().Year > 0 ? periods[0].ToString() : null;
        Unit ??= Reporter.Department ?? task.Units.FirstOrDefault();
        return null;
    }

    private async Task NameFilesAsync(CancellationToken cancellationToken)
    {
        var ids = Reports.SelectMany(r => r.Attachments).Distinct().ToList();
        FileNames = ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<InnoCluster.Infrastructure.Files.StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
    }
}
