using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Site.Pages;

/// <summary>How to reach the office, as its administrator states it, and where to file a request instead of writing.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ContactModel(GetSiteProfile get) : PageModel
{
    public SiteProfile.Fields Site { get; private set; } = SiteProfile.Fields.None;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Site = (await get.RunAsync(cancellationToken)).Fields;
}
