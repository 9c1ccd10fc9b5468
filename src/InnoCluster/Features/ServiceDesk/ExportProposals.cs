using System.Security.Claims;
using InnoCluster.Features.ServiceDesk.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The proposals the reader handles (the office: all), with the same filters, as a workbook.</summary>
public sealed class ExportProposals(ListProposals list)
{
    public Task<byte[]> RunAsync(ListProposals.Query query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ListWorkbook.WriteAsync(
            async page =>
            {
                var result = await list.RunAsync(query with { Page = page, PageSize = 100 }, user, cancellationToken);
                return (result.Items, result.Total);
            },
            p => new Dictionary<string, object?>
            {
                [Ui.L("类别", "Kind")] = ProposalText.Kind(p.Kind),
                [Ui.L("届次", "Session")] = p.Session,
                [Ui.L("编号", "Number")] = p.Number,
                [Ui.L("标题", "Title")] = p.Title,
                [Ui.L("提出人", "Proposer")] = p.Proposer,
                [Ui.L("主办单位", "Lead unit")] = p.LeadUnit,
                [Ui.L("状态", "Status")] = ProposalText.Status(p.Status),
                [Ui.L("答复期限", "Reply due")] = ProposalText.Day(p.DueOn),
                [Ui.L("逾期", "Overdue")] = p.Overdue ? Ui.L("是", "yes") : "",
                [Ui.L("办理结果", "Outcome")] = p.Outcome is null ? null : ProposalText.Outcome(p.Outcome),
                [Ui.L("承诺完成", "Commitments done")] = $"{p.CommitmentsDone} / {p.Commitments}",
            },
            Ui.L("建议提案", "Proposals"),
            cancellationToken);
}
