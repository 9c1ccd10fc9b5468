using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using InnoCluster.Infrastructure.Mail;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>
/// Self-registration without a role: the account can set its password and read public content until
/// the cluster office grants a role. Registered or not, the answer is the same.
/// </summary>
[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(UserManager<AppUser> users, Accounts accounts, IMessageOutbox outbox) : PageModel
{
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? name, string? organisation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return Page();
        }

        var existing = await users.FindByEmailAsync(email.Trim());
        if (existing is null)
        {
            if ((await accounts.CreateAsync(new Accounts.NewAccount(email.Trim(), name ?? "", [], Organisation: organisation), cancellationToken)).Value is { } created)
            {
                await outbox.SendAsync(email.Trim(), "InnoCluster 注册 / registration", $"设置密码 / set your password:\n{created.SetPasswordLink}\n", cancellationToken);
            }
        }
        else
        {
            await outbox.SendAsync(email.Trim(), "InnoCluster 注册 / registration", "该邮箱已有账号；如忘记密码请使用“找回密码”。 / This e-mail already has an account; use “forgot password” if needed.\n", cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
