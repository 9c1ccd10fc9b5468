using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>Scenario demands: the public sees published ones; officials review drafts here.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class DemandsModel(DemandQueries queries) : PageModel
{
    public Page<DemandQueries.Item> Result { get; private set; } = new([], 0, 1, 20);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await queries.ListAsync(Q, Status, PageNumber, 20, User.Identity?.IsAuthenticated == true ? ScenariosFeature.Actor(User) : null, cancellationToken);

    /// <summary>Scenario owners, enterprises and officials write demands.</summary>
    public bool MayWrite => User.IsInRole(Roles.Official) || User.IsInRole(Roles.ScenarioOwner) || User.IsInRole(Roles.Enterprise);

    public static string StatusText(DemandStatus status) => status switch
    {
        DemandStatus.Draft => Ui.L("待审核", "Draft"),
        DemandStatus.Published => Ui.L("已发布", "Published"),
        _ => Ui.L("已关闭", "Closed"),
    };
}
