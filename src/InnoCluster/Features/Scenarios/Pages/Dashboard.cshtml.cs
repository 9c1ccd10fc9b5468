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

    public static IReadOnlyList<(string Zh, string En, Func<ScenarioFunnel.Counts, int> Value)> Stages { get; } =
    [
        ("已发布", "Published", c => c.Published),
        ("已匹配", "Matched", c => c.Matched),
        ("已对接", "Docked", c => c.Docked),
        ("已签约", "Signed", c => c.Signed),
        ("已落地", "Landed", c => c.Landed),
        ("示范项目", "Demonstration", c => c.Demonstration),
    ];
}
