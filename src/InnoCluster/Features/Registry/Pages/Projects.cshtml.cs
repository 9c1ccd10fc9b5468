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

    public IReadOnlyList<ListProjects.Item> Projects { get; private set; } = [];

    public IReadOnlyList<ListProjects.StageTotal> Totals { get; private set; } = [];

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = await list.RunAsync(new(Stage, District), cancellationToken);
        Totals = ListProjects.Totals(Projects);
        Districts = await districts.RunAsync(cancellationToken);
    }
}
