using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>The printable annual report (白皮书); /plans/{id}/report.pdf prints this page with headless Chromium.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ReportModel(AnnualReport report, TimeProvider clock) : PageModel
{
    public int ThisYear => InnoCluster.Infrastructure.BeijingTime.Today(clock).Year;

    public AnnualReport.Content Report { get; private set; } = default!;

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>The report as things stand today, instead of the last complete year's.</summary>
    [FromQuery(Name = "toDate")]
    public bool ToDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (Year is < 2000 or > 2100)
        {
            return BadRequest();
        }

        if (await report.BuildAsync(id, Year, cancellationToken, ToDate) is not { } content)
        {
            return NotFound();
        }

        Report = content;
        return Page();
    }

    /// <summary>"下载 PDF": printing takes a while, so it is queued and the person follows it on the job page.</summary>
    public async Task<IActionResult> OnPostPdfAsync(int id, [FromServices] IAuthorizationService authorization, [FromServices] ListPlans plans, [FromServices] JobQueue queue, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (await plans.FindAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var year = ActionPlan.ReportYear(Year, ToDate, plan.StartYear, plan.EndYear, ThisYear);
        return Redirect($"/jobs/{await AnnualReportPdfJob.EnqueueAsync(queue, id, year, cancellationToken)}");
    }

    public static string Refs(IEnumerable<int> numbers) => string.Join("", numbers.Distinct().Order().Select(n => $"[{n}]"));
}
