using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class EnterprisesModel(ListEnterprises list, ListDistricts districts, IRegistryDirectory directory, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Node { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListEnterprises.Query Query { get; private set; } = new();

    public ListEnterprises.Result Result { get; private set; } = default!;

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public IReadOnlyList<ChainNodeInfo> Nodes { get; private set; } = [];

    public bool CanExport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new ListEnterprises.Query(Q, District, Tier, Node, PageNumber, 20);
        Result = await list.RunAsync(Query, cancellationToken);
        Districts = await districts.RunAsync(cancellationToken);
        Nodes = await directory.ChainNodesAsync(cancellationToken);
        CanExport = (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
    }
}
