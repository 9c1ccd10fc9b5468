using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
