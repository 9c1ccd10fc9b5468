using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInFlow flow) : PageModel
{
    public string? Message { get; private set; }

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = SafeReturn(returnUrl);
        Email = email;
        var outcome = await flow.PasswordAsync(HttpContext, email ?? "", password ?? "", cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(ReturnUrl);
            case SignInOutcome.SecondFactorRequired:
                return RedirectToPage("/Identity/Pages/TwoFactor", new { returnUrl = ReturnUrl });
            case SignInOutcome.EnrolmentRequired:
                return RedirectToPage("/Identity/Pages/Enrol", new { returnUrl = ReturnUrl });
            default:
                Message = Ui.L("邮箱或密码不正确，或账号已锁定。", "The e-mail or password is wrong, or the account is locked.");
                return Page();
        }
    }

    /// <summary>A path on this site to go back to, or "/": never another site, never control characters (which LocalRedirect refuses).</summary>
    internal static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
