using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class DistrictsModel(ListDistricts list) : PageModel
{
    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Districts = await list.RunAsync(cancellationToken);
}
