using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Home.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(RegistryOverview overview, Documents.ListReportedFigures reported) : PageModel
{
    public RegistryOverview.Figures Overview { get; private set; } = default!;

    /// <summary>What the source documents report of the cluster's firms and filings, shown apart from the registry's counts.</summary>
    public IReadOnlyList<Documents.ListReportedFigures.Figure> Reported { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await overview.RunAsync(cancellationToken);
        Reported = await reported.RunAsync(cancellationToken);
    }
}
