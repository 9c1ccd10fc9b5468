using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// The digest: one mail per person with everything they were told since the last one, for those whose digest is
/// due today (daily; weekly on Mondays) or, on demand, for everyone who takes mail. A person who takes no mail,
/// or has no address, has their notices marked as passed so they never arrive later in a heap. Works through
/// the people in chunks, each chunk's mails and marks saved together.
/// </summary>
public sealed class SendDigests(InnoClusterDbContext db, IAccountDirectory accounts, IMessageOutbox outbox, IOptions<SiteOptions> site, TimeProvider clock)
{
    public sealed record Sent(int Notices, int Mails, int Passed);

    private const int Chunk = 1000;

    public async Task<Sent> RunAsync(bool onDemand, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = BeijingTime.DayOf(now);
        var waiting = await db.Set<Notification>().AsNoTracking().Where(n => n.MailedAt == null && n.CreatedAt <= now)
            .Select(n => n.UserId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        int notices = 0, mails = 0, passed = 0;
        foreach (var chunk in waiting.Chunk(Chunk))
        {
            var preferences = await MailPreferences.ForAsync(db, chunk, now, cancellationToken);
            var due = chunk.Where(id => onDemand ? preferences[id].GetsMail : preferences[id].DigestDueOn(day, now)).ToList();
            var none = chunk.Where(id => !preferences[id].GetsMail).ToList();
            var emails = await accounts.EmailsOfAsync(due, cancellationToken);
            var dueNotices = (await db.Set<Notification>().AsNoTracking().Where(n => due.Contains(n.UserId) && n.MailedAt == null && n.CreatedAt <= now)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken)).ToLookup(n => n.UserId);
            var outgoing = new List<OutgoingMail>();
            foreach (var userId in due)
            {
                if (emails.TryGetValue(userId, out var to) && dueNotices[userId].ToList() is { Count: > 0 } list)
                {
                    outgoing.Add(NoticeMail.Digest(to, list, preferences[userId].Token, site.Value));
                    notices += list.Count;
                }
            }

            var mailed = due.Where(emails.ContainsKey).ToList();
            var dropped = none.Concat(due.Where(id => !emails.ContainsKey(id))).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            passed += await MarkAsync(dropped, now, cancellationToken);
            await MarkAsync(mailed, now, cancellationToken);
            await db.Set<MailPreference>().Where(p => mailed.Contains(p.UserId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestAt, now), cancellationToken);
            await outbox.SendManyAsync(outgoing, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            mails += outgoing.Count;
        }

        return new Sent(notices, mails, passed);
    }

    private async Task<int> MarkAsync(List<string> userIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? 0 : await db.Set<Notification>().Where(n => userIds.Contains(n.UserId) && n.MailedAt == null && n.CreatedAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), cancellationToken);
}

/// <summary>The day's digests as a job, queued by the schedule or by an operator.</summary>
public sealed class DigestJob : JobKind<DigestJob.Parameters, SendDigests.Sent>
{
    public const string KindName = "notice-digest";

    public sealed record Parameters(bool OnDemand);

    public override string Name => KindName;

    public override string Title => Ui.L("消息汇总邮件", "Notice digests");

    protected override async Task<SendDigests.Sent> RunAsync(Parameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var daily in services.GetServices<IDailyNotices>())
        {
            await daily.TellAsync(cancellationToken);
        }

        await services.GetRequiredService<CheckFollowedSearches>().RunAsync(cancellationToken);
        return await services.GetRequiredService<SendDigests>().RunAsync(parameters?.OnDemand ?? false, cancellationToken);
    }
}

/// <summary>When the digests go out by themselves (section "Workspace"): a local time of day, 08:00 Beijing time unless set; empty: off.</summary>
public sealed class WorkspaceOptions
{
    public DailyTime Digest { get; set; } = new() { At = "08:00" };
}

public sealed class DigestSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkspaceOptions> options, Infrastructure.Seeding.DatabasePreparation preparation, ILogger<DigestSchedule> logger)
    : DailyJobSchedule(scopes, clock, preparation, logger)
{
    protected override string Kind => DigestJob.KindName;

    protected override DailyTime When => options.Value.Digest;
}
