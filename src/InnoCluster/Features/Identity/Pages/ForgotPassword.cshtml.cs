using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using InnoCluster.Infrastructure.Mail;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>The same answer whether or not the e-mail has an account; only an owner receives a link.</summary>
[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, Accounts accounts, IMessageOutbox outbox, AuditTrail audit) : PageModel
{
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is { IsActive: true })
        {
            var link = await accounts.SetPasswordLinkAsync(user);
            await outbox.SendAsync(user.Email!, "InnoCluster 设置密码 / set your password", $"设置新密码 / set a new password:\n{link}\n", cancellationToken);
        }
        else
        {
            // Same work on the answer's path as for a real account: no timing or wording tells them apart.
            await users.GeneratePasswordResetTokenAsync(new AppUser { Id = Guid.NewGuid().ToString(), SecurityStamp = Guid.NewGuid().ToString() });
        }

        await audit.RecordAsync("password-reset-requested", "users", user?.Id, user is null ? "unknown" : "ok", null, cancellationToken, user?.Id, email ?? "");
        Sent = true;
        return Page();
    }
}
