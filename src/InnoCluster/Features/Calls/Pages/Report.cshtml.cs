using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>A call's public report, printable on A4; /calls/{id}/report.pdf prints this page with headless Chromium.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ReportModel(GetCallReport report) : PageModel
{
    public GetCallReport.Report Report { get; private set; } = null!;

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await report.RunAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Report = found;
        return Page();
    }
}
