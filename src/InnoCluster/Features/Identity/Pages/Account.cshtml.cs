using System.Security.Claims;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class AccountModel(ListAccounts accounts, SignOutEverywhere signOut, ErasePersonalData erase, PersonalAccessTokens tokens, CreateToken createToken, UserManager<AppUser> users, SignInFlow flow) : PageModel
{
    public Accounts.AccountView Me { get; private set; } = default!;

    public IReadOnlyList<PersonalAccessTokens.TokenInfo> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? TokenRefusal { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateTokenAsync(string? name, int? days, CancellationToken cancellationToken)
    {
        var created = await createToken.RunAsync(User, name, days, cancellationToken);
        NewToken = created.Value?.Token;
        TokenRefusal = created.Problem?.Text;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(UserId, id, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(UserId);
        if (user is not null)
        {
            await signOut.RunAsync(user, cancellationToken);
        }

        await flow.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        await erase.RunAsync(UserId, cancellationToken);
        await flow.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = (await accounts.RunAsync(cancellationToken)).Single(a => a.Id == UserId);
        Tokens = await tokens.ListAsync(UserId, cancellationToken);
    }
}
