using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>The printable annual report (白皮书); /plans/{id}/report.pdf prints this page with headless Chromium.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ReportModel(AnnualReport report) : PageModel
{
    public AnnualReport.Content Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await report.BuildAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        Report = content;
        return Page();
    }

    public static string Refs(IEnumerable<int> numbers) => string.Join("", numbers.Distinct().Order().Select(n => $"[{n}]"));
}
