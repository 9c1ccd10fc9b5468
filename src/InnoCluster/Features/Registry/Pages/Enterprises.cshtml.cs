using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class EnterprisesModel(ListEnterprises list, InnoClusterDbContext db, IAuthorizationService authorization) : PageModel
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

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public IReadOnlyList<ChainNode> Nodes { get; private set; } = [];

    public bool CanExport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new ListEnterprises.Query(Q, District, Tier, Node, PageNumber, 20);
        Result = await list.RunAsync(Query, cancellationToken);
        Districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        Nodes = await db.Set<ChainNode>().AsNoTracking().OrderBy(n => n.SortOrder).ToListAsync(cancellationToken);
        CanExport = (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
    }
}
