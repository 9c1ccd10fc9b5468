using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The case collection (案例集) of landed scenarios, laid out to print.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class CasesModel(ScenarioFunnel funnel) : PageModel
{
    public IReadOnlyList<ScenarioFunnel.Case> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cases = await funnel.CasesAsync(cancellationToken);
}
