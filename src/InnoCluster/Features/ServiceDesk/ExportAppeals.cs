using System.Security.Claims;
using InnoCluster.Features.ServiceDesk.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The requests board as the reader sees it (the desk: all; a firm or unit: its own), with the same filters, as a workbook.</summary>
public sealed class ExportAppeals(ListAppeals list)
{
    public Task<byte[]> RunAsync(ListAppeals.Query query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ListWorkbook.WriteAsync(
            async page =>
            {
                var result = await list.RunAsync(query with { Page = page, PageSize = 100 }, user, cancellationToken);
                return (result.Items, result.Total);
            },
            a => new Dictionary<string, object?>
            {
                [Ui.L("诉求", "Request")] = a.Topic,
                [Ui.L("主题", "Theme")] = a.Theme,
                [Ui.L("企业", "Enterprise")] = a.EnterpriseName,
                [Ui.L("渠道", "Channel")] = AppealText.Channel(a.Channel),
                [Ui.L("收到时间", "Received")] = Ui.Time(a.ReceivedAt),
                [Ui.L("牵头单位", "Lead unit")] = a.LeadUnit,
                [Ui.L("状态", "Status")] = AppealText.Status(a.Status),
                [Ui.L("本环节期限", "Due")] = AppealText.Due(a.CurrentDueAt, a.DueIsProvisional),
                [Ui.L("逾期", "Overdue")] = a.Overdue ? Ui.L("是", "yes") : "",
                [Ui.L("评价", "Rating")] = a.Rating is { } rating ? AppealText.Rating(rating) : null,
            },
            Ui.L("企业诉求", "Requests"),
            cancellationToken);
}
