using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Calls;

/// <summary>Mail to the firm's accounts at each change of its application: what happened, why, and by when.</summary>
public sealed class ApplicationNotices(IAccountDirectory accounts, IMessageOutbox outbox, IOptions<SiteOptions> site)
{
    public async Task ChangedAsync(CallApplication application, Call call, CancellationToken cancellationToken)
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
        var lines = new List<string>
        {
            $"{call.Title}",
            $"申报项目 / application: {application.ProjectTitle}",
            $"状态 / status: {zh} / {en}",
        };
        if (application.Status == ApplicationStatus.Returned)
        {
            lines.Add($"退回理由 / reason: {application.ReturnReason}");
            lines.Add($"请于 {CallTime.Written(application.CorrectionDueAt!.Value)}（北京时间）前补正后重新提交 / correct and resubmit by {CallTime.Written(application.CorrectionDueAt!.Value)} Beijing time");
        }

        if (application.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected && application.DecisionReason is { } reason)
        {
            lines.Add($"理由 / reason: {reason}");
        }

        lines.Add(site.Value.Link($"/calls/applications/{application.Id}"));
        foreach (var to in (await accounts.EmailsOfEnterprisesAsync([application.EnterpriseId], cancellationToken)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await outbox.SendAsync(to, $"申报{zh}：{call.Title} / application {en}", string.Join('\n', lines) + "\n", cancellationToken);
        }
    }
}
