using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The office's analytics of the desk for a period: by theme, 板块 and unit, and the themes many firms raise.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class AnalyticsModel(GetDeskAnalytics analytics) : PageModel
{
    public GetDeskAnalytics.Result Result { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await analytics.RunAsync(new GetDeskAnalytics.Query(From, To), cancellationToken);

    public static string Rate(double? rate) => rate is { } r ? r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
