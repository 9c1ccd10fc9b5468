using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Workspace;

/// <summary>What to tell: the subject key (told once per person), the words in both languages, where it leads, and whether it is mailed at once.</summary>
[FeatureContract]
public sealed record Notice(string Key, NoticeKind Kind, string Title, string TitleEn, string Link, string? Reason = null, bool Urgent = false);

/// <summary>
/// The one way the platform tells people something: a notice in each person's notification centre, never twice
/// about the same subject; urgent ones (deadlines, decisions) mailed at once, the rest left for the digest. A
/// firm is told through the accounts acting for it when the notice is made, so a member who left hears nothing.
/// </summary>
[FeatureContract]
public sealed class Notifier(InnoClusterDbContext db, IFirmAccounts firms, IAccountDirectory accounts, IMessageOutbox outbox, IOptions<SiteOptions> site, TimeProvider clock)
{
    private const int Chunk = 500;

    /// <summary>Tells these people; returns how many were told for the first time.</summary>
    public Task<int> TellPeopleAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken) =>
        TellAsync([.. userIds.Distinct(StringComparer.Ordinal).Select(id => (id, (int?)null, notice))], cancellationToken);

    /// <summary>
    /// Tells every member of each firm the notices meant for it (a firm may have several); the members are read
    /// once for all of them. Returns how many notices were new.
    /// </summary>
    public async Task<int> TellFirmsAsync(IReadOnlyCollection<(int EnterpriseId, Notice Notice)> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return 0;
        }

        var byFirm = notices.ToLookup(n => n.EnterpriseId, n => n.Notice);
        var members = (await firms.AllMembersAsync(cancellationToken)).Where(m => byFirm.Contains(m.EnterpriseId));
        return await TellAsync([.. from member in members from notice in byFirm[member.EnterpriseId] select (member.UserId, (int?)member.EnterpriseId, notice)], cancellationToken);
    }

    private async Task<int> TellAsync(IReadOnlyList<(string UserId, int? EnterpriseId, Notice Notice)> told, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fresh = new List<Notification>();
        foreach (var chunk in told.Chunk(Chunk))
        {
            var users = chunk.Select(t => t.UserId).Distinct().ToList();
            var keys = chunk.Select(t => t.Notice.Key).Distinct().ToList();
            var known = (await db.Set<Notification>().AsNoTracking().Where(n => users.Contains(n.UserId) && keys.Contains(n.Key))
                .Select(n => new { n.UserId, n.Key }).ToListAsync(cancellationToken)).Select(n => (n.UserId, n.Key)).ToHashSet();
            fresh.AddRange(chunk.Where(t => known.Add((t.UserId, t.Notice.Key))).Select(t => new Notification
            {
                UserId = t.UserId,
                Key = t.Notice.Key,
                Kind = t.Notice.Kind,
                Title = Cut(t.Notice.Title, 400),
                TitleEn = Cut(t.Notice.TitleEn, 400),
                Reason = t.Notice.Reason is null ? null : Cut(t.Notice.Reason, 1000),
                Link = t.Notice.Link,
                Urgent = t.Notice.Urgent,
                EnterpriseId = t.EnterpriseId,
                CreatedAt = now,
            }));
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        await SaveAsync(fresh, cancellationToken);
        if (fresh.Count == 0)
        {
            return 0;
        }

        await MailUrgentAsync([.. fresh.Where(n => n.Urgent)], now, cancellationToken);
        return fresh.Count;
    }

    /// <summary>Saves the notices; when another node told someone the same thing a moment ago, the rest are saved one by one without it.</summary>
    private async Task SaveAsync(List<Notification> fresh, CancellationToken cancellationToken)
    {
        try
        {
            db.AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Only the notices leave the unit of work: whatever else the caller has tracked stays as it was.
            fresh.ForEach(n => db.Entry(n).State = EntityState.Detached);
            var saved = new List<Notification>();
            foreach (var notice in fresh)
            {
                notice.Id = 0;
                db.Add(notice);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    saved.Add(notice);
                }
                catch (DbUpdateException)
                {
                    db.Entry(notice).State = EntityState.Detached;
                }
            }

            fresh.RemoveAll(n => !saved.Contains(n));
        }
    }

    private async Task MailUrgentAsync(IReadOnlyList<Notification> urgent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (urgent.Count == 0)
        {
            return;
        }

        var userIds = urgent.Select(n => n.UserId).Distinct().ToList();
        var preferences = await MailPreferences.ForAsync(db, userIds, now, cancellationToken);
        var emails = await accounts.EmailsOfAsync(userIds, cancellationToken);
        var mails = new List<OutgoingMail>();
        foreach (var notice in urgent)
        {
            if (preferences[notice.UserId].GetsMail && emails.TryGetValue(notice.UserId, out var to))
            {
                mails.Add(NoticeMail.OneNotice(to, notice, preferences[notice.UserId].Token, site.Value));
            }
        }

        var ids = urgent.Select(n => n.Id).ToList();
        await db.Set<Notification>().Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), cancellationToken);
        await outbox.SendManyAsync(mails, cancellationToken);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
