using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>Vendors' solutions: the public browses them; an enterprise account publishes its own here.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class SolutionsModel(SolutionQueries queries, CreateSolution create) : PageModel
{
    public Page<SolutionQueries.Item> Result { get; private set; } = new([], 0, 1, 20);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>An enterprise account (for its own firm) or an official (for a firm it names) may publish.</summary>
    public bool MayPublish => User.IsInRole(Roles.Official) || User.EnterpriseOf() is not null;

    /// <summary>Whether the signed-in user may edit a solution of this enterprise (its own account, or an official).</summary>
    public bool MayEdit(int enterpriseId) => User.IsInRole(Roles.Official) || ScenariosFeature.Actor(User).EnterpriseId == enterpriseId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await queries.ListAsync(Q, null, PageNumber, 20, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? title, string? description, string? capabilities, string? sectors, string? price, string? referenceCases, int? enterpriseId, CancellationToken cancellationToken)
    {
        if (!MayPublish)
        {
            return Forbid();
        }

        var created = await create.RunAsync(
            new SolutionInput(title, description, FormLists.Split(capabilities), FormLists.Split(sectors), null, referenceCases, price, enterpriseId), ScenariosFeature.Actor(User), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/solutions?q={Uri.EscapeDataString(title ?? "")}");
        }

        Errors = created.Problem!.AsFieldErrors();
        Result = await queries.ListAsync(Q, null, PageNumber, 20, cancellationToken);
        return Page();
    }
}
