using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>A task: its text, responsible units, every report version, and the form a responsible unit files with.</summary>
[Authorize(Policy = Policies.ProgressReporter)]
[BodyLimit(BodyKind.Attachments)]
public sealed class PlanTaskPageModel(OpenTaskForReporting open, FileTaskReport file, UploadStore uploads, IOptions<UploadOptions> uploadOptions) : PageModel
{
    public PlanTask Task { get; private set; } = default!;

    public ListPlans.Item Plan { get; private set; } = default!;

    public IReadOnlyList<ListTaskReports.ReportDto> Reports { get; private set; } = [];

    public IReadOnlyList<PlanTarget> Targets { get; private set; } = [];

    public IReadOnlyList<ReportingPeriod> OpenPeriods { get; private set; } = [];

    public Reporter Reporter { get; private set; } = default!;

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> FileNames { get; private set; } = new Dictionary<Guid, string>();

    public FileTaskReport.Filed? Filed { get; private set; }

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
        var (attachments, refused) = await uploads.SaveFormFilesAsync(Reporter.UserId, "progress-report", Files, UploadStore.AttachmentKinds, limits, cancellationToken);
        if (refused is not null)
        {
            Problems["attachments"] = [refused];
            return Page();
        }

        List<FileTaskReport.FigureInput> figures = FigureTarget is null && string.IsNullOrWhiteSpace(FigureValue) ? [] : [new(FigureTarget, FigureValue)];
        var result = await file.RunAsync(id, new FileTaskReport.ReportRequest(Period, Unit, Text, figures, attachments), Reporter, cancellationToken);
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
            if ((await open.RunAsync(id, Reporter, cancellationToken)).Value is { } desk)
            {
                Show(desk);
            }
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Reporter = Reporter.Of(User);
        var opened = await open.RunAsync(id, Reporter, cancellationToken);
        if (opened.Value is not { } desk)
        {
            return opened.Problem!.AsPageResult(this); // unknown task, or a department not responsible for it
        }

        Show(desk);
        Period ??= OpenPeriods.Count > 0 ? OpenPeriods[0].ToString() : null;
        Unit ??= MyUnit ?? (ReportingUnits.Count > 0 ? ReportingUnits[0] : null);
        return null;
    }

    private void Show(OpenTaskForReporting.Desk desk)
    {
        Task = desk.Task;
        Plan = desk.Plan;
        Targets = desk.Targets;
        OpenPeriods = desk.OpenPeriods;
        Reports = desk.Reports;
        FileNames = desk.FileNames;
        (ReportingUnits, MyUnit) = (desk.Units, desk.MyUnit);
    }

    /// <summary>The units that report on the task, each on its own (the collective as the 板块).</summary>
    public IReadOnlyList<string> ReportingUnits { get; private set; } = [];

    /// <summary>The unit this account reports as (a 板块 for a collective task); null for an official.</summary>
    public string? MyUnit { get; private set; }
}
