using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>
/// The workspace (我的工作台): claim a firm, or — as its member — see the policies and calls that fit it, what is
/// missing for a full answer, its members and the claims waiting on its owner, and the latest notices. The same
/// use cases as /api/me and /api/claims.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MeModel(GetWorkspace get, ClaimFirm claim, DecideClaim decide, WithdrawClaim withdraw, RemoveFirmMember remove, HandOverFirm handOver, ClaimProof proofs)
    : PageModel
{
    public GetWorkspace.Workspace Workspace { get; private set; } = null!;

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public static string StatusText(ClaimStatus status) => status switch
    {
        ClaimStatus.Pending => Ui.L("待审核", "Waiting"),
        ClaimStatus.Approved => Ui.L("已通过", "Approved"),
        ClaimStatus.Rejected => Ui.L("已驳回", "Rejected"),
        _ => Ui.L("已撤回", "Withdrawn"),
    };

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase))?.Message;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, null, cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(string? creditCode, string? note, IFormFile? proof, CancellationToken cancellationToken)
    {
        var saved = await proofs.SaveAsync(User.UserId()!, proof, cancellationToken);
        if (saved.Problem is { } refused)
        {
            return await ShowAsync(refused, null, cancellationToken);
        }

        var claimed = await claim.RunAsync(User.UserId()!, new ClaimFirm.Request(creditCode, saved.Value, note), cancellationToken);
        return await ShowAsync(claimed.Problem, claimed.Value?.Status == ClaimStatus.Approved
            ? Ui.L("已通过：您的邮箱属于该企业的域名，现在可以代表企业办理。", "Approved: your address is at the firm's domain; you now act for it.")
            : Ui.L("已提交，集群办审核后会通知您。", "Submitted; you will be told when it is decided."), cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(int claimId, bool approve, string? reason, CancellationToken cancellationToken) =>
        await ShowAsync((await decide.RunAsync(User, claimId, approve, new(reason), cancellationToken)).Problem, approve ? Ui.L("已通过。", "Approved.") : Ui.L("已驳回。", "Rejected."), cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(int claimId, CancellationToken cancellationToken) =>
        await ShowAsync((await withdraw.RunAsync(User, claimId, cancellationToken)).Problem, Ui.L("已撤回。", "Withdrawn."), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(int enterpriseId, string memberId, CancellationToken cancellationToken) =>
        await ShowAsync((await remove.RunAsync(User, enterpriseId, memberId, cancellationToken)).Problem,
            memberId == User.UserId() ? Ui.L("您已退出该企业。", "You have left the firm.") : Ui.L("已移除该成员。", "The member is removed."), cancellationToken);

    public async Task<IActionResult> OnPostHandOverAsync(int enterpriseId, string memberId, CancellationToken cancellationToken) =>
        await ShowAsync((await handOver.RunAsync(User, enterpriseId, memberId, cancellationToken)).Problem, Ui.L("已移交所有者。", "Ownership handed over."), cancellationToken);

    private async Task<IActionResult> ShowAsync(Problem? problem, string? done, CancellationToken cancellationToken)
    {
        if (problem is not null)
        {
            if (problem.AsPageResult(this) is { } ended)
            {
                return ended;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
        }
        else
        {
            Message = done;
            ModelState.Clear();
        }

        if (await get.RunAsync(User, cancellationToken) is not { } workspace)
        {
            return NotFound();
        }

        Workspace = workspace;
        return Page();
    }
}
