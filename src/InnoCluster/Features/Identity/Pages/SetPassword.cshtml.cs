using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SetPasswordModel(SetPassword setPassword) : PageModel
{
    public string Uid { get; private set; } = "";

    public string Token { get; private set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Done { get; private set; }

    public void OnGet(string? uid, string? token)
    {
        Uid = uid ?? "";
        Token = token ?? "";
    }

    public async Task<IActionResult> OnPostAsync(string? uid, string? token, string? password, string? confirm, CancellationToken cancellationToken)
    {
        Uid = uid ?? "";
        Token = token ?? "";
        if (password != confirm)
        {
            Errors = [Ui.L("两次输入的密码不一致", "The two passwords differ")];
            return Page();
        }

        Errors = (await setPassword.RunAsync(Uid, Token, password ?? "", cancellationToken)).Problem?.AsFieldErrors().Select(e => e.Message).ToList() ?? [];
        Done = Errors.Count == 0;
        return Page();
    }
}
