using InnoCluster.Features.Calls.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calls;

/// <summary>A call's ranking as a workbook for the office: the scores, the z beside the raw mean, the panel, the decision.</summary>
public sealed class ExportRanking(GetRanking ranking)
{
    public async Task<byte[]?> RunAsync(int callId, CancellationToken cancellationToken) =>
        await ranking.RunAsync(callId, cancellationToken) is not { } result ? null : await ListWorkbook.WriteAsync(
            result.Rows,
            r => new Dictionary<string, object?>
            {
                [Ui.L("名次", "Rank")] = r.Rank,
                [Ui.L("企业", "Enterprise")] = r.EnterpriseName,
                [Ui.L("申报项目", "Application")] = r.Candidate is null ? r.ProjectTitle : $"{r.ProjectTitle}（{r.Candidate}）",
                [Ui.L("已评分/分配", "Scored / assigned")] = $"{r.Scored} / {r.Assigned}",
                [Ui.L("回避", "Recused")] = r.Recused,
                [Ui.L("原始分", "Raw mean")] = r.RawMean,
                [Ui.L("标准分", "Mean z")] = r.ZMean,
                [Ui.L("分差", "Spread")] = r.Spread,
                [Ui.L("须小组评议", "To the panel")] = r.Divergent ? Ui.L("是", "yes") : "",
                [Ui.L("小组评分", "Panel score")] = r.PanelScore,
                [Ui.L("最终分", "Final")] = r.Final,
                [Ui.L("名额内", "Within quota")] = r.WithinQuota ? Ui.L("是", "yes") : Ui.L("否", "no"),
                [Ui.L("状态", "Status")] = CallText.Status(r.Status),
            },
            Ui.L("评分排名", "Ranking"),
            cancellationToken);
}
