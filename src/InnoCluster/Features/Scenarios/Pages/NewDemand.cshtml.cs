using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The demand form's fields, checks and uploads, shared by writing a demand and editing one.</summary>
public abstract class DemandFormModel(InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<InnoCluster.Infrastructure.Files.UploadOptions> uploadOptions, IRegistryDirectory registry) : PageModel
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

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    /// <summary>
    /// The form as the authoring input, with the files uploaded first (each checked: type by content, size,
    /// quota) and added to <paramref name="kept"/>; null with <see cref="Errors"/> set when a file is refused.
    /// </summary>
    protected async Task<DemandInput?> InputAsync(ScenarioActor actor, IReadOnlyList<Guid> kept, CancellationToken cancellationToken)
    {
        var limits = uploadOptions.Value.Limits;
        var (attachments, refused) = await uploads.SaveFormFilesAsync(actor.UserId, "demand-attachment", Files, InnoCluster.Infrastructure.Files.UploadStore.AttachmentKinds, limits, cancellationToken);
        if (refused is not null)
        {
            Errors = [new FieldError("attachments", refused)];
            return null;
        }

        var capabilities = FormLists.Split(Capabilities);
        return new DemandInput(Title, Description, string.IsNullOrEmpty(Sector) ? null : Sector, capabilities, DistrictId, Budget, Deadline, Contact, [.. kept, .. attachments]);
    }

    protected async Task LoadDistrictsAsync(CancellationToken cancellationToken) =>
        Districts = [.. (await registry.DistrictsAsync(cancellationToken)).OrderBy(d => d.Id).Select(d => (d.Id, Ui.L(d.Name, d.NameEn)))];
}

/// <summary>A scenario owner writes a demand: it is saved as a draft for an official to review and publish.</summary>
[Authorize(Policy = Policies.ScenarioAuthor)]
[BodyLimit(BodyKind.Attachments)]
public sealed class NewDemandModel(CreateDemand create, InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<InnoCluster.Infrastructure.Files.UploadOptions> uploadOptions, IRegistryDirectory registry) : DemandFormModel(uploads, uploadOptions, registry)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadDistrictsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = ScenariosFeature.Actor(User);
        if (await InputAsync(actor, [], cancellationToken) is { } input)
        {
            var created = await create.RunAsync(input, actor, cancellationToken);
            if (created.Value is { } saved)
            {
                return Redirect($"/demands/{saved.Id}");
            }

            Errors = created.Problem!.AsFieldErrors();
        }

        await LoadDistrictsAsync(cancellationToken);
        return Page();
    }
}
