using System.Globalization;
using InnoCluster.Features.Workspace;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The firm's members are told at each change of its application — what happened, why, and by when — in their
/// notification centre and at once by mail (a decision or a deadline), through the workspace's one way of telling.
/// </summary>
public sealed class ApplicationNotices(Notifier notifier, TimeProvider clock)
{
    public async Task ChangedAsync(CallApplication application, Call call, CancellationToken cancellationToken) =>
        await notifier.TellFirmsAsync([(application.EnterpriseId, NoticeOf(application, call))], cancellationToken);

    /// <summary>Every firm of a published result told at once: one look-up of their members and mail preferences, not one per application.</summary>
    public async Task ChangedAsync(IReadOnlyCollection<CallApplication> applications, Call call, CancellationToken cancellationToken) =>
        await notifier.TellFirmsAsync([.. applications.Select(a => (a.EnterpriseId, NoticeOf(a, call)))], cancellationToken);

    private Notice NoticeOf(CallApplication application, Call call)
    {
        var (zh, en) = application.Status switch
        {
            ApplicationStatus.Submitted => ("已提交", "submitted"),
            ApplicationStatus.Returned => ("退回补正", "returned for correction"),
            ApplicationStatus.Accepted => ("形式审查通过", "passed the formal check"),
            ApplicationStatus.Recommended => ("获板块推荐", "recommended by its 板块"),
            ApplicationStatus.NotRecommended => ("未获板块推荐", "not recommended by its 板块"),
            ApplicationStatus.Withdrawn => ("已撤回", "withdrawn"),
            ApplicationStatus.Selected when call.Status == CallStatus.Decided => ("入选", "selected"),
            ApplicationStatus.Selected => ("拟入选", "proposed for selection"),
            ApplicationStatus.NotSelected => ("未入选", "not selected"),
            _ => ("已更新", "updated"),
        };
        var lines = new List<string> { $"申报项目 / application: {application.ProjectTitle}" };
        if (application.Status == ApplicationStatus.Returned)
        {
            lines.Add($"退回理由 / reason: {application.ReturnReason}");
            lines.Add($"请于 {CallTime.Written(application.CorrectionDueAt!.Value)}（北京时间）前补正后重新提交 / correct and resubmit by {CallTime.Written(application.CorrectionDueAt!.Value)} Beijing time");
        }

        if (application.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected && application.DecisionReason is { } reason)
        {
            lines.Add($"理由 / reason: {reason}");
        }

        // Each change is its own subject: a second return for correction is told again.
        var key = string.Create(CultureInfo.InvariantCulture, $"application:{application.Id}:{application.Status}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}");
        return new Notice(
            key, NoticeKind.Application, $"申报{zh}：{call.Title}", $"Application {en}: {call.Title}", $"/calls/applications/{application.Id}", string.Join("\n  ", lines), Urgent: true);
    }
}
