using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>The public call page: open calls with their countdowns first, then upcoming, then past rounds; a firm's own applications above them.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class CallsModel(ListCalls list, MyApplications mine, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListCalls.Item> Items { get; private set; } = [];

    public IReadOnlyList<MyApplications.Item> Mine { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [BindProperty(SupportsGet = true)]
    public CallProgramme? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var actor = User.Identity?.IsAuthenticated == true ? CallActor.Of(User) : CallActor.Anonymous;
        Items = await list.RunAsync(Programme, Year, actor, cancellationToken);
        Mine = await mine.RunAsync(actor, cancellationToken);
    }
}
