using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// Before each day's digest: a firm with an application still in draft for a call that closes within three
/// days, or returned for correction with its correction deadline within three days, is told at once (a deadline
/// is urgent) — once per application and deadline.
/// </summary>
public sealed class DeadlineReminders(InnoClusterDbContext db, Notifier notifier, TimeProvider clock) : IDailyNotices
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(3);

    public async Task<int> TellAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + Ahead;
        var due = await (from a in db.Set<CallApplication>().AsNoTracking()
                         join c in db.Set<Call>() on a.CallId equals c.Id
                         where c.Status == CallStatus.Published
                               && ((a.Status == ApplicationStatus.Draft && c.ClosesAt > now && c.ClosesAt <= until)
                                   || (a.Status == ApplicationStatus.Returned && a.CorrectionDueAt > now && a.CorrectionDueAt <= until))
                         select new { a.Id, a.EnterpriseId, a.Status, a.ProjectTitle, c.Title, c.ClosesAt, a.CorrectionDueAt }).ToListAsync(cancellationToken);
        var notices = new List<(int EnterpriseId, Notice Notice)>();
        foreach (var application in due)
        {
            var deadline = application.Status == ApplicationStatus.Draft ? application.ClosesAt!.Value : application.CorrectionDueAt!.Value;
            var written = CallTime.Written(deadline);
            var notice = application.Status == ApplicationStatus.Draft
                ? new Notice($"deadline:{application.Id}:{deadline.UtcTicks}", NoticeKind.Deadline, $"申报即将截止：{application.Title}", $"Applications close soon: {application.Title}",
                    $"/calls/applications/{application.Id}", $"「{application.ProjectTitle}」尚未提交，截止时间 {written}（北京时间）/ not yet submitted; applications close {written} Beijing time", Urgent: true)
                : new Notice($"deadline:{application.Id}:{deadline.UtcTicks}", NoticeKind.Deadline, $"补正即将到期：{application.Title}", $"Correction due soon: {application.Title}",
                    $"/calls/applications/{application.Id}", $"「{application.ProjectTitle}」请于 {written}（北京时间）前补正后重新提交 / correct and resubmit by {written} Beijing time", Urgent: true);
            notices.Add((application.EnterpriseId, notice));
        }

        return await notifier.TellFirmsAsync(notices, cancellationToken);
    }
}
