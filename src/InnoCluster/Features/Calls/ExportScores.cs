using InnoCluster.Features.Calls.Pages;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// Every review of a call as a workbook for the office: one row per expert and application — the latest
/// revision's score on each criterion, the total and the comment, how many revisions there were — and the
/// recusals with their reasons.
/// </summary>
public sealed class ExportScores(InnoClusterDbContext db, CallRecords records)
{
    public async Task<byte[]?> RunAsync(int callId, CancellationToken cancellationToken)
    {
        if (await records.CallAsync(callId, cancellationToken) is not { } call)
        {
            return null;
        }

        var rows = await (from r in db.Set<ReviewAssignment>().AsNoTracking().Include(r => r.Sheets)
                          join a in db.Set<CallApplication>() on r.ApplicationId equals a.Id
                          join e in db.Set<Expert>() on r.ExpertId equals e.Id
                          where r.CallId == callId
                          orderby a.Id, e.Name
                          select new { Review = r, a.EnterpriseName, a.ProjectTitle, Expert = e.Name }).ToListAsync(cancellationToken);
        return await ListWorkbook.WriteAsync(
            rows,
            x =>
            {
                var latest = x.Review.Latest;
                var row = new Dictionary<string, object?>
                {
                    [Ui.L("企业", "Enterprise")] = x.EnterpriseName,
                    [Ui.L("申报项目", "Application")] = x.ProjectTitle,
                    [Ui.L("专家", "Expert")] = x.Expert,
                    [Ui.L("状态", "Status")] = CallText.Review(x.Review.Status),
                    [Ui.L("回避理由", "Recusal reason")] = x.Review.RecusalReason is { } why ? Bilingual.ForReader(why) : null,
                };
                foreach (var criterion in call.Rubric)
                {
                    row[criterion.Label] = latest?.Scores.FirstOrDefault(s => s.Key == criterion.Key)?.Score;
                }

                row[Ui.L("总分", "Total")] = latest?.Total;
                row[Ui.L("评语", "Comment")] = latest?.Comment;
                row[Ui.L("修改次数", "Revisions")] = x.Review.Sheets.Count;
                return row;
            },
            Ui.L("专家评分", "Scores"),
            cancellationToken);
    }
}
