using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(ChangePassword changePassword, UserManager<AppUser> users, SignInFlow flow) : PageModel
{
    public bool Expired { get; private set; }

    public bool Done { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet(string? expired) => Expired = expired == "1";

    public async Task<IActionResult> OnPostAsync(string? current, string? next, string? confirm, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (next != confirm)
        {
            Errors = [Ui.L("两次输入的密码不一致", "The two passwords differ")];
            return Page();
        }

        Errors = (await changePassword.RunAsync(user, current ?? "", next ?? "", cancellationToken)).Problem?.AsFieldErrors().Select(e => e.Message).ToList() ?? [];
        if (Errors.Count == 0)
        {
            Done = true;
            // The new security stamp ends other sessions; this one is renewed with the same factors.
            await flow.RefreshAsync(HttpContext, user);
        }

        return Page();
    }
}
