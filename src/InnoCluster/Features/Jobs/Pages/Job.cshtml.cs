using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Jobs.Pages;

/// <summary>A job's page: its progress while it runs (the page follows it), then its result and files.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class JobModel(GetJob get) : PageModel
{
    public GetJob.View Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await get.RunAsync(id, User, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public static string StateText(JobState state) => state switch
    {
        JobState.Queued => Ui.L("排队中", "Queued"),
        JobState.Running => Ui.L("进行中", "Running"),
        JobState.Succeeded => Ui.L("已完成", "Finished"),
        _ => Ui.L("失败", "Failed"),
    };
}
