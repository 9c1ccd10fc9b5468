using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class EnterpriseModel(GetEnterprise get, SeedSources sources, IEnumerable<IEnterpriseMentions> mentions, GetTrackRecord trackRecord) : PageModel
{
    /// <summary>Documents in the library that name the enterprise (empty when no library is installed).</summary>
    public IReadOnlyList<MentioningDocument> Mentions { get; private set; } = [];

    /// <summary>Landed cases it delivered and call results it was selected in.</summary>
    public IReadOnlyList<TrackRecordItem> TrackRecord { get; private set; } = [];

    public GetEnterprise.Details Details { get; private set; } = default!;

    public SeedSources? Sources { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var details = await get.RunAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        Sources = sources;
        TrackRecord = await trackRecord.RunAsync(id, cancellationToken) ?? [];
        foreach (var source in mentions)
        {
            Mentions = [.. Mentions, .. await source.ForEnterpriseAsync(id, cancellationToken)];
        }

        return Page();
    }
}
