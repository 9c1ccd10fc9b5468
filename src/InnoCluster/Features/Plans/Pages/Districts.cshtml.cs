using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class PlanDistrictsModel(ListPlans plans, DistrictSpecialities specialities) : PageModel
{
    public ListPlans.Item Plan { get; private set; } = default!;

    public IReadOnlyList<DistrictSpecialities.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Rows = await specialities.RunAsync(cancellationToken);
        return Page();
    }
}
