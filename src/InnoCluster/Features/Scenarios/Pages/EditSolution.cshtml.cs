using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The vendor (its own enterprise's account) or an official edits a solution; its chain nodes are kept.</summary>
[Authorize(Policy = Policies.EnterpriseOrOfficial)]
public sealed class EditSolutionModel(OpenSolutionForEditing open, UpdateSolution update) : PageModel
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
        var opened = await open.RunAsync(id, ScenariosFeature.Actor(User), cancellationToken);
        if (opened.Problem is { } refused)
        {
            return refused.AsPageResult(this) ?? NotFound();
        }

        var solution = opened.Value!;
        Id = id;
        Title = solution.Title;
        Description = solution.Description;
        Capabilities = string.Join("、", solution.Capabilities ?? []);
        Sectors = string.Join("、", solution.Sectors ?? []);
        ReferenceCases = solution.ReferenceCases;
        Price = solution.Price;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var actor = ScenariosFeature.Actor(User);
        var opened = await open.RunAsync(id, actor, cancellationToken);
        if (opened.Problem is { } refused)
        {
            return refused.AsPageResult(this) ?? NotFound();
        }

        var input = opened.Value! with { Title = Title, Description = Description, Capabilities = FormLists.Split(Capabilities), Sectors = FormLists.Split(Sectors), ReferenceCases = ReferenceCases, Price = Price };
        var updated = await update.RunAsync(id, input, actor, cancellationToken);
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
}
