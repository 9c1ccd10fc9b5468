using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The vendor (its own enterprise's account) or an official edits a solution; its chain nodes are kept.</summary>
[Authorize(Policy = Policies.EnterpriseOrOfficial)]
public sealed class EditSolutionModel(InnoClusterDbContext db, ScenarioAuthoring authoring) : PageModel
{
    public int Id { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Capabilities { get; set; }

    [BindProperty]
    public string? Sectors { get; set; }

    [BindProperty]
    public string? ReferenceCases { get; set; }

    [BindProperty]
    public string? Price { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } solution)
        {
            return NotFound();
        }

        if (!MayEdit(solution))
        {
            return Forbid();
        }

        Id = id;
        Title = solution.Title;
        Description = solution.Description;
        Capabilities = string.Join("、", solution.Capabilities);
        Sectors = string.Join("、", solution.Sectors);
        ReferenceCases = solution.ReferenceCases;
        Price = solution.PriceText;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } solution)
        {
            return NotFound();
        }

        var input = new ScenarioAuthoring.SolutionInput(Title, Description, FormLists.Split(Capabilities), FormLists.Split(Sectors), solution.ChainNodes, ReferenceCases, Price, solution.EnterpriseId);
        var updated = await authoring.UpdateSolutionAsync(id, input, ScenariosFeature.Actor(User), cancellationToken);
        if (updated.Problem is not { } problem)
        {
            return Redirect($"/solutions?q={Uri.EscapeDataString(Title ?? "")}");
        }

        if (problem.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Id = id;
        Errors = problem.AsFieldErrors();
        return Page();
    }

    private bool MayEdit(Solution solution) => User.IsInRole(Roles.Official) || ScenariosFeature.Actor(User).EnterpriseId == solution.EnterpriseId;

    private Task<Solution?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Solution>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
}
