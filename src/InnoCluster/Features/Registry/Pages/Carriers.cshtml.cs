using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class CarriersModel(ListCarriers list, ListDistricts districts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    public IReadOnlyList<ListCarriers.Item> Carriers { get; private set; } = [];

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Carriers = await list.RunAsync(Kind, District, cancellationToken);
        Districts = await districts.RunAsync(cancellationToken);
    }
}
