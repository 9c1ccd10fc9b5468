using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>
/// TOTP enrolment after the password, for an account that has no second factor yet: the new secret
/// travels in a hidden field encrypted for this account and ten minutes, so the browser can neither read
/// nor choose it. An account that has one is sent to the code page; it is never shown a new secret.
/// </summary>
[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class EnrolModel(SignInFlow flow, Totp totp, IDataProtectionProvider protection) : PageModel
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("InnoCluster.TotpEnrolment.v1").ToTimeLimitedDataProtector();

    public string Secret { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public string Enrolment { get; private set; } = "";

    public string? Message { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        var user = await flow.PendingUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("/Identity/Pages/SignIn");
        }

        if (user.HasTotp)
        {
            return RedirectToPage("/Identity/Pages/TwoFactor", new { returnUrl = ReturnUrl });
        }

        Show(user, totp.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? enrolment, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        var user = await flow.PendingUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("/Identity/Pages/SignIn");
        }

        string secret;
        try
        {
            var payload = _protector.Unprotect(enrolment ?? "").Split(':', 2);
            if (payload.Length != 2 || payload[0] != user.Id)
            {
                return RedirectToPage("/Identity/Pages/SignIn");
            }

            secret = payload[1];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return RedirectToPage("/Identity/Pages/SignIn");
        }

        switch (await flow.EnrolAsync(HttpContext, user, secret, code, cancellationToken))
        {
            case EnrolmentOutcome.Enrolled:
                return LocalRedirect(ReturnUrl);
            case EnrolmentOutcome.AlreadyEnrolled:
                return RedirectToPage("/Identity/Pages/TwoFactor", new { returnUrl = ReturnUrl });
            case EnrolmentOutcome.LockedOut:
                return RedirectToPage("/Identity/Pages/SignIn");
        }

        Message = Ui.L("验证码不正确，请核对手机时间后重试。", "The code is wrong; check your phone's clock and try again.");
        Show(user, secret);
        return Page();
    }

    private void Show(AppUser user, string secret)
    {
        Secret = secret;
        QrCode = Totp.QrCodeDataUri(Totp.ProvisioningUri(secret, user.Email ?? user.Id));
        Enrolment = _protector.Protect($"{user.Id}:{secret}", TimeSpan.FromMinutes(10));
    }
}
