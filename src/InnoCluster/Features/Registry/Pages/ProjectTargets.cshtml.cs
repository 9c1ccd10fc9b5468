using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>The target lists by weak chain link (the API's use case).</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ProjectTargetsModel(ListInvestmentTargets targets) : PageModel
{
    public IReadOnlyList<ListInvestmentTargets.NodeTargets> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await targets.RunAsync(cancellationToken);
}
