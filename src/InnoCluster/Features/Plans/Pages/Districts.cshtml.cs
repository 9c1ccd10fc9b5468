using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class PlanDistrictsModel(InnoClusterDbContext db, DistrictSpecialities specialities) : PageModel
{
    public ActionPlan Plan { get; private set; } = default!;

    public IReadOnlyList<DistrictSpecialities.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Rows = await specialities.RunAsync(cancellationToken);
        return Page();
    }
}
