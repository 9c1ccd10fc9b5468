using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>One demand; officials publish it (choosing its sector) or close it.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class DemandPageModel(DemandQueries queries, DemandReview review) : PageModel
{
    public DemandQueries.Details Demand { get; private set; } = default!;

    public string? Problem { get; private set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int id, string? sector, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        var (outcome, problem) = await review.PublishAsync(id, string.IsNullOrWhiteSpace(sector) ? null : sector, cancellationToken);
        if (outcome == DemandReview.Outcome.NotFound)
        {
            return NotFound();
        }

        Problem = problem;
        return problem is null ? Redirect($"/demands/{id}") : await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        return await review.CloseAsync(id, cancellationToken) == DemandReview.Outcome.Done ? Redirect($"/demands/{id}") : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, User.Identity?.IsAuthenticated == true ? ScenariosFeature.Actor(User) : null, cancellationToken) is not { } demand)
        {
            return false;
        }

        Demand = demand;
        return true;
    }
}
