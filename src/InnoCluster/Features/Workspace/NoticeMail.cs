using System.Text;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// The words of the workspace's mail, one way for a single notice and for a digest: each notice with its link,
/// then where to change the settings and the one-click unsubscribe link (also in the headers).
/// </summary>
public static class NoticeMail
{
    public static OutgoingMail OneNotice(string to, Notification notice, string token, SiteOptions site) =>
        new(to, $"【人工智能产业创新集群】{notice.Title} / {notice.TitleEn}", Body([notice], site, token), UnsubscribeLink(site, token));

    public static OutgoingMail Digest(string to, IReadOnlyList<Notification> notices, string token, SiteOptions site) =>
        new(to, $"【人工智能产业创新集群】您有 {notices.Count} 条新消息 / {notices.Count} new notices", Body(notices, site, token), UnsubscribeLink(site, token));

    public static string UnsubscribeLink(SiteOptions site, string token) => site.Link($"/unsubscribe?token={Uri.EscapeDataString(token)}");

    private static string Body(IReadOnlyList<Notification> notices, SiteOptions site, string token)
    {
        var body = new StringBuilder();
        foreach (var notice in notices)
        {
            body.Append("· ").Append(notice.Title).Append(" / ").Append(notice.TitleEn).Append('\n');
            if (notice.Reason is { Length: > 0 } reason)
            {
                body.Append("  ").Append(reason).Append('\n');
            }

            body.Append("  ").Append(site.Link(notice.Link)).Append("\n\n");
        }

        body.Append("全部消息 / All notices: ").Append(site.Link("/me/notifications")).Append('\n');
        body.Append("邮件设置（每日或每周汇总）/ Mail settings (daily or weekly digest): ").Append(site.Link("/me/settings")).Append('\n');
        body.Append("退订全部邮件 / Unsubscribe from all mail: ").Append(UnsubscribeLink(site, token)).Append('\n');
        return body.ToString();
    }
}
