using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The scenario lists (场景清单) the office has issued, each with its number, date and demands.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ListsModel(ScenarioLists lists) : PageModel
{
    public IReadOnlyList<ScenarioLists.Item> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lists = await lists.AllAsync(cancellationToken);
}
