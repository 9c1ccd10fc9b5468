using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>The scenario dashboard: the funnel from published to demonstration, time in each stage, per sector and district.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class DashboardModel(ScenarioFunnel funnel) : PageModel
{
    public ScenarioFunnel.Dashboard Data { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Data = await funnel.DashboardAsync(cancellationToken);

    public static IReadOnlyList<(string Zh, string En, Func<ScenarioFunnel.Counts, int> Value)> Stages => ScenarioFunnel.Stages;
}
