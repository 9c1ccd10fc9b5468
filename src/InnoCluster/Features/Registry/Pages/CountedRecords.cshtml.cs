using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>The records behind a computed figure, one row each, where the plan's target links: the count checked row by row.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class CountedRecordsModel(ListCountedRecords list) : PageModel
{
    public ListCountedRecords.Result Listed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? spec, CancellationToken cancellationToken)
    {
        if (await list.RunAsync(spec, cancellationToken) is not { } listed)
        {
            return NotFound();
        }

        Listed = listed;
        return Page();
    }
}
