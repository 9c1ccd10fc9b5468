using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>The office's queue of firm claims: waiting ones first, with the proof to open and a decision each.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ClaimsModel(ListClaims list, DecideClaim decide) : PageModel
{
    public IReadOnlyList<ClaimView> Claims { get; private set; } = [];

    public ClaimStatus? Status { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(ClaimStatus? status, CancellationToken cancellationToken)
    {
        Status = status;
        Claims = await list.RunAsync(User, status, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(int claimId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var decided = await decide.RunAsync(User, claimId, approve, new(reason), cancellationToken);
        if (decided.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } ended)
            {
                return ended;
            }

            Problem = problem.Text;
        }
        else
        {
            Message = approve ? Ui.L("已通过，申请人已收到通知。", "Approved; the person is told.") : Ui.L("已驳回，申请人会看到理由。", "Rejected; the person reads why.");
        }

        Claims = await list.RunAsync(User, null, cancellationToken);
        return Page();
    }
}
