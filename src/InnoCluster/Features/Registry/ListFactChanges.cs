using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>Changes to firms' facts: the office's queue of proposals waiting to be decided, or one firm's changes (for its members and the office), newest first.</summary>
[FeatureContract]
public sealed class ListFactChanges(InnoClusterDbContext db)
{
    public const int Shown = 100;

    /// <summary>Every proposal still waiting, oldest first, as the office works through them.</summary>
    public async Task<IReadOnlyList<FactChangeView>> WaitingAsync(CancellationToken cancellationToken) =>
        await ViewsAsync(db.Set<FactChange>().Where(c => c.Status == RecordStatus.Proposed).OrderBy(c => c.ProposedAt).ThenBy(c => c.Id), cancellationToken);

    /// <summary>One firm's changes, newest first; null when the reader may not see them (the firm's own accounts and officials may).</summary>
    public async Task<IReadOnlyList<FactChangeView>?> ForFirmAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken cancellationToken) =>
        UpdateEnterpriseProfile.MayEdit(user, enterpriseId)
            ? await ViewsAsync(db.Set<FactChange>().Where(c => c.EnterpriseId == enterpriseId).OrderByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id), cancellationToken)
            : null;

    private async Task<IReadOnlyList<FactChangeView>> ViewsAsync(IQueryable<FactChange> changes, CancellationToken cancellationToken)
    {
        var rows = await changes.AsNoTracking().Take(Shown)
            .Join(db.Set<Enterprise>(), c => c.EnterpriseId, e => e.Id, (c, e) => new { Change = c, e.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => FactChangeView.Of(r.Change, r.Name))];
    }
}
