using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>Account administration for the security administrator (MLPS 安全管理员).</summary>
[Authorize(Policy = Policies.SecurityAdmin)]
public sealed class UsersModel(Accounts accounts) : PageModel
{
    public IReadOnlyList<Accounts.AccountView> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Link { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? name, string? role, int? enterpriseId, string? department, CancellationToken cancellationToken)
    {
        var (created, errors) = await accounts.CreateAsync(new Accounts.NewAccount(email ?? "", name ?? "", role is null ? [] : [role], enterpriseId, department), cancellationToken);
        Errors = errors;
        Link = created?.SetPasswordLink;
        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string? roles, CancellationToken cancellationToken)
    {
        Errors = await accounts.SetRolesAsync(id, (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), null, cancellationToken);
        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        await accounts.DeactivateAsync(id, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        await accounts.UnlockAsync(id, cancellationToken);
        return RedirectToPage();
    }
}
