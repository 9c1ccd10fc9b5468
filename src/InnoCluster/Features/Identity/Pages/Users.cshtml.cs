using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Identity.Pages;

/// <summary>Account administration for the security administrator (MLPS 安全管理员), through the same use cases as the API.</summary>
[Authorize(Policy = Policies.SecurityAdmin)]
public sealed class UsersModel(ListAccounts accounts, DeactivateAccount deactivate, UnlockAccount unlock, CreateAccount create, ChangeRoles change, DecideRoleRequest decide, ResetSecondFactor reset) : PageModel
{
    public IReadOnlyList<Accounts.AccountView> Accounts { get; private set; } = [];

    public IReadOnlyList<RoleRequestView> Pending { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Link { get; private set; }

    public string? MyId => AdminActor.Of(User).Id;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? name, string? role, int? enterpriseId, string? department, CancellationToken cancellationToken)
    {
        var result = await create.RunAsync(AdminActor.Of(User), new Accounts.NewAccount(email ?? "", name ?? "", role is null ? [] : [role], enterpriseId, department), cancellationToken);
        Link = result.Value?.SetPasswordLink;
        if (result.Value is { Pending.Count: > 0 })
        {
            Notice = Ui.L("管理员角色已提交，待另一位安全管理员批准后生效。", "The administrator role waits for another security administrator's approval.");
        }

        return await ShowAsync(result.Problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string[]? roles, CancellationToken cancellationToken)
    {
        var result = await change.RunAsync(AdminActor.Of(User), id, new ChangeRoles.Request(roles ?? [], null), cancellationToken);
        if (result.Value is { Pending.Count: > 0 })
        {
            Notice = Ui.L("管理员角色已提交，待另一位安全管理员批准后生效。", "The administrator role waits for another security administrator's approval.");
        }

        return await ShowAsync(result.Problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(int requestId, bool approve, string? reason, CancellationToken cancellationToken) =>
        await ShowAsync((await decide.RunAsync(AdminActor.Of(User), requestId, approve, reason, cancellationToken)).Problem, cancellationToken);

    public async Task<IActionResult> OnPostResetSecondFactorAsync(string id, CancellationToken cancellationToken) =>
        await ShowAsync((await reset.RunAsync(AdminActor.Of(User), id, cancellationToken)).Problem, cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        await deactivate.RunAsync(id, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        await unlock.RunAsync(id, cancellationToken);
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(Problem? problem, CancellationToken cancellationToken)
    {
        Errors = problem is null ? [] : [problem.Text];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.RunAsync(cancellationToken);
        Pending = await decide.ListAsync(RoleRequestStatus.Pending, cancellationToken);
    }
}
