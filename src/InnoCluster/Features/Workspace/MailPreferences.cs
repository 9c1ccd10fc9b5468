using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>Each person's mail preference, made with the defaults (daily digest, a fresh token) the first time it is needed; for a few people tracked, so the caller may change them.</summary>
public static class MailPreferences
{
    private const int BulkFrom = 100;

    public static async Task<IReadOnlyDictionary<string, MailPreference>> ForAsync(InnoClusterDbContext db, IReadOnlyCollection<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, MailPreference>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(500))
        {
            foreach (var preference in await (userIds.Count >= BulkFrom ? db.Set<MailPreference>().AsNoTracking() : db.Set<MailPreference>()).Where(p => chunk.Contains(p.UserId)).ToListAsync(cancellationToken))
            {
                found[preference.UserId] = preference;
            }
        }

        var missing = userIds.Where(id => !found.ContainsKey(id)).Select(id => MailPreference.Default(id, now)).ToList();
        if (missing.Count >= BulkFrom)
        {
            // A digest run meeting many people for the first time: written in bulk and not tracked (read-only for it).
            await BulkInsert.InsertAsync(db, missing, withKeys: true, cancellationToken);
        }
        else if (missing.Count > 0)
        {
            db.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }

        missing.ForEach(p => found[p.UserId] = p);

        return found;
    }
}
