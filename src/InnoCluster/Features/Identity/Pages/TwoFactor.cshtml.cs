using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class TwoFactorModel(SignInFlow flow) : PageModel
{
    public string? Message { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        return await flow.PendingUserAsync(HttpContext) is null ? RedirectToPage("/Identity/Pages/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        var user = await flow.PendingUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("/Identity/Pages/SignIn");
        }

        if (await flow.SecondFactorAsync(HttpContext, user, code, cancellationToken))
        {
            return LocalRedirect(ReturnUrl);
        }

        Message = Ui.L("验证码不正确或已使用过。", "The code is wrong or was already used.");
        return Page();
    }
}
