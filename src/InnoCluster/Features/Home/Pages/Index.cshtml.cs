using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Home.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(RegistryOverview overview) : PageModel
{
    public RegistryOverview.Figures Overview { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await overview.RunAsync(cancellationToken);
}
