using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The demand's owner (or an official) edits it; its attachments stay unless unticked, new files are added.</summary>
[Authorize(Policy = Policies.ScenarioAuthor)]
[BodyLimit(BodyKind.Attachments)]
public sealed class EditDemandModel(OpenDemandForEditing open, UpdateDemand update, InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<InnoCluster.Infrastructure.Files.UploadOptions> uploadOptions, IRegistryDirectory registry) : DemandFormModel(uploads, uploadOptions, registry)
{
    public int Id { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Attachments { get; private set; } = [];

    [BindProperty]
    public List<Guid> Keep { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var opened = await open.RunAsync(id, ScenariosFeature.Actor(User), cancellationToken);
        if (opened.Problem is { } refused)
        {
            return refused.AsPageResult(this) ?? NotFound();
        }

        var draft = opened.Value!;
        var values = draft.Values;
        Title = values.Title;
        Description = values.Description;
        Sector = values.Sector;
        Capabilities = string.Join("、", values.Capabilities ?? []);
        DistrictId = values.DistrictId;
        Budget = values.Budget;
        Deadline = values.Deadline;
        Contact = values.Contact;
        await LoadAsync(draft, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var actor = ScenariosFeature.Actor(User);
        var opened = await open.RunAsync(id, actor, cancellationToken);
        if (opened.Problem is { } refused)
        {
            return refused.AsPageResult(this) ?? NotFound(); // checked before any file is stored
        }

        var draft = opened.Value!;
        if (await InputAsync(actor, [.. (draft.Values.Attachments ?? []).Intersect(Keep)], cancellationToken) is { } input)
        {
            var updated = await update.RunAsync(id, input, actor, cancellationToken);
            if (updated.Problem is not { } problem)
            {
                return Redirect($"/demands/{id}");
            }

            if (problem.AsPageResult(this) is { } ended)
            {
                return ended;
            }

            Errors = problem.AsFieldErrors();
        }

        await LoadAsync(draft, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(OpenDemandForEditing.Draft draft, CancellationToken cancellationToken)
    {
        Id = draft.Id;
        Attachments = [.. draft.Attachments.Select(f => (f.Id, f.FileName))];
        await LoadDistrictsAsync(cancellationToken);
    }
}
