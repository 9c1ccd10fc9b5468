using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>The investment-attraction pipeline with its totals by stage (the API's use case).</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ProjectsModel(ListProjects list, ListDistricts districts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ProjectStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ListProjects.Result Found { get; private set; } = new([], 0, 1, ListProjects.DefaultPageSize);

    public IReadOnlyList<ListProjects.Item> Projects => Found.Items;

    public IReadOnlyList<ListProjects.StageTotal> Totals { get; private set; } = [];

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new ListProjects.Filter(Stage, District, Page: PageNumber);
        Found = await list.PageAsync(filter, cancellationToken);
        Totals = await list.TotalsAsync(filter, cancellationToken);
        Districts = await districts.RunAsync(cancellationToken);
    }
}
