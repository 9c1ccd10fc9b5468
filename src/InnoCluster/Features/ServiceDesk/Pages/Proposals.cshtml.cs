using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The proposals the reader handles (the office: all), with their replies' progress and commitments.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProposalsModel(ListProposals list) : PageModel
{
    public ListProposals.Result Result { get; private set; } = new(0, 1, 20, []);

    [BindProperty(SupportsGet = true)]
    public ProposalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool MayRegister => User.IsInRole(Roles.Official);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await list.RunAsync(new ListProposals.Query(Status, null, null, PageNumber, 20), User, cancellationToken);
}
