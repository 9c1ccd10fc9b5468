using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>A scenario owner writes a demand: it is saved as a draft for an official to review and publish.</summary>
[Authorize(Policy = Policies.ScenarioAuthor)]
public sealed class NewDemandModel(ScenarioAuthoring authoring, InnoClusterDbContext db, InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<Identity.SecurityOptions> security) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Sector { get; set; }

    [BindProperty]
    public string? Capabilities { get; set; }

    [BindProperty]
    public int? DistrictId { get; set; }

    [BindProperty]
    public string? Budget { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Each file goes through the checked upload store (type by content, size, quota) before it is attached.
        var actor = ScenariosFeature.Actor(User);
        var limits = new InnoCluster.Infrastructure.Files.UploadLimits(security.Value.MaxUploadBytes, security.Value.UploadQuotaBytesPerUser);
        var (attachments, refused) = await uploads.SaveFormFilesAsync(actor.UserId, "demand-attachment", Files, Identity.IdentityApi.AttachmentKinds, limits, cancellationToken);
        if (refused is not null)
        {
            Errors = [new FieldError("attachments", refused)];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var capabilities = (Capabilities ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var input = new ScenarioAuthoring.DemandInput(Title, Description, string.IsNullOrEmpty(Sector) ? null : Sector, capabilities, DistrictId, Budget, Deadline, Contact, attachments);
        var (saved, errors) = await authoring.CreateDemandAsync(input, actor, cancellationToken);
        if (saved is not null)
        {
            return Redirect($"/demands/{saved.Id}");
        }

        Errors = errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Name)).ToList();
}
