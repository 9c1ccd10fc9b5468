using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// For the office: which firms were told about a subject (a 免申即享 clause, a call) and when — how many of each
/// firm's people, the first notice, the first mail, and whether anyone has read it.
/// </summary>
[FeatureContract]
public sealed class NoticeLedger(InnoClusterDbContext db)
{
    public sealed record ToldFirm(int EnterpriseId, int People, DateTimeOffset ToldAt, DateTimeOffset? MailedAt, bool Read);

    public async Task<IReadOnlyList<ToldFirm>> FirmsToldAsync(string key, CancellationToken cancellationToken) =>
        [.. (await db.Set<Notification>().AsNoTracking().Where(n => n.Key == key && n.EnterpriseId != null)
                .Select(n => new { n.EnterpriseId, n.CreatedAt, n.MailedAt, n.ReadAt }).ToListAsync(cancellationToken))
            .GroupBy(n => n.EnterpriseId!.Value)
            .Select(g => new ToldFirm(g.Key, g.Count(), g.Min(n => n.CreatedAt), g.Min(n => n.MailedAt), g.Any(n => n.ReadAt != null)))
            .OrderBy(f => f.ToldAt).ThenBy(f => f.EnterpriseId)];
}
