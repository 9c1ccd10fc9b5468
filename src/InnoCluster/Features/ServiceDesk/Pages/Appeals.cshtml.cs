using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The desk's board (a unit sees what it handles, a firm its own), with the overdue ones first to hand.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AppealsModel(ListAppeals list) : PageModel
{
    public ListAppeals.Result Result { get; private set; } = new(0, 1, 20, []);

    [BindProperty(SupportsGet = true)]
    public AppealStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool MayFile => User.IsInRole(Roles.Official) || User.HasClaim(c => c.Type == ClaimNames.EnterpriseId);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await list.RunAsync(new ListAppeals.Query(Status, null, null, Overdue ? true : null, PageNumber, 20), User, cancellationToken);
}
