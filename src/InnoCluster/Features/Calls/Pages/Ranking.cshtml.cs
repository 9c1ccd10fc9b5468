using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>The office's ranking of a call: scores, the experts' normalised z beside the raw mean, divergence for the panel, the quota line.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class RankingModel(GetRanking ranking) : PageModel
{
    public GetRanking.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await ranking.RunAsync(id, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
