using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// What the workspace holds of a person whose data is erased: their notices, mail preference and followed
/// searches go; their name and address on the claims they filed, and their name as a claim's decider, are
/// replaced. The claims stay (which firm, when, decided how), so the office's record of admissions keeps its shape.
/// </summary>
public sealed class WorkspacePersonalData(InnoClusterDbContext db) : IPersonalDataHolder
{
    public const string Erased = "已注销用户";

    public async Task<int> EraseAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var claim in await db.Set<FirmClaim>().Where(c => c.UserId == userId || c.DecidedById == userId).ToListAsync(cancellationToken))
        {
            if (claim.UserId == userId)
            {
                (claim.ClaimantName, claim.ClaimantEmail, claim.Note) = (Erased, "", null);
            }

            if (claim.DecidedById == userId)
            {
                claim.DecidedByName = Erased;
            }

            changed++;
        }

        var notices = await db.Set<Notification>().Where(n => n.UserId == userId).ToListAsync(cancellationToken);
        var preferences = await db.Set<MailPreference>().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var searches = await db.Set<SavedSearch>().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        db.RemoveRange(notices);
        db.RemoveRange(preferences);
        db.RemoveRange(searches);
        return changed + notices.Count + preferences.Count + searches.Count;
    }
}
