using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The demand's owner (or an official) edits it; its attachments stay unless unticked, new files are added.</summary>
[Authorize(Policy = Policies.ScenarioAuthor)]
[BodyLimit(BodyKind.Attachments)]
public sealed class EditDemandModel(ScenarioAuthoring authoring, InnoClusterDbContext db, InnoCluster.Infrastructure.Files.UploadStore uploads,
    Microsoft.Extensions.Options.IOptions<InnoCluster.Infrastructure.Files.UploadOptions> uploadOptions, IRegistryDirectory registry) : DemandFormModel(db, uploads, uploadOptions, registry)
{
    public int Id { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Attachments { get; private set; } = [];

    [BindProperty]
    public List<Guid> Keep { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } demand)
        {
            return NotFound();
        }

        if (!MayEdit(demand))
        {
            return Forbid();
        }

        Title = demand.Title;
        Description = demand.Problem;
        Sector = demand.Sector;
        Capabilities = string.Join("、", demand.Capabilities);
        DistrictId = demand.DistrictId;
        Budget = demand.BudgetText;
        Deadline = demand.Deadline;
        Contact = demand.Contact;
        await LoadAsync(demand, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } demand)
        {
            return NotFound();
        }

        if (!MayEdit(demand))
        {
            return Forbid(); // checked before any file is stored
        }

        var actor = ScenariosFeature.Actor(User);
        if (await InputAsync(actor, [.. demand.Attachments.Intersect(Keep)], cancellationToken) is { } input)
        {
            var updated = await authoring.UpdateDemandAsync(id, input, actor, cancellationToken);
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

        await LoadAsync(demand, cancellationToken);
        return Page();
    }

    private bool MayEdit(Demand demand) => User.IsInRole(Roles.Official) || demand.OwnerUserId == ScenariosFeature.Actor(User).UserId;

    private Task<Demand?> FindAsync(int id, CancellationToken cancellationToken) =>
        Db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    private async Task LoadAsync(Demand demand, CancellationToken cancellationToken)
    {
        Id = demand.Id;
        var ids = demand.Attachments;
        Attachments = (await Db.Set<InnoCluster.Infrastructure.Files.StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.FileName)
            .Select(f => new { f.Id, f.FileName }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.FileName)).ToList();
        await LoadDistrictsAsync(cancellationToken);
    }
}
