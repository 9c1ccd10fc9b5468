using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>The office's queue of changes firms filed to their facts, oldest first, with a decision each.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class FactChangesModel(ListFactChanges list, DecideFactChange decide) : PageModel
{
    public IReadOnlyList<FactChangeView> Waiting { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await list.WaitingAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(int changeId, bool confirm, string? reason, CancellationToken cancellationToken)
    {
        var decided = await decide.RunAsync(User, changeId, confirm, new(reason), cancellationToken);
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
            Message = confirm ? Ui.L("已确认，数据已计入，企业已收到通知。", "Confirmed: it counts now, and the firm is told.") : Ui.L("已驳回，企业会看到理由。", "Rejected; the firm reads why.");
        }

        Waiting = await list.WaitingAsync(cancellationToken);
        return Page();
    }
}
