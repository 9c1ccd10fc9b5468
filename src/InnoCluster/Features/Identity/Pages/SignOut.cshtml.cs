using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class SignOutModel(SignInFlow flow) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await flow.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/");
    }
}
