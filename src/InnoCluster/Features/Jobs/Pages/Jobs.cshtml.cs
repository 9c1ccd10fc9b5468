using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Jobs.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class JobsModel(ListJobs list) : PageModel
{
    public IReadOnlyList<ListJobs.Item> Jobs { get; private set; } = [];

    public bool Everyone { get; private set; }

    public async Task OnGetAsync(bool? everyone, CancellationToken cancellationToken)
    {
        Everyone = everyone == true;
        Jobs = await list.RunAsync(User, Everyone, cancellationToken);
    }
}
