using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The call's ranking for the office: every application in review with its scores so far (raw mean and the
/// experts' normalised z beside it), its spread and whether the panel must discuss it, the panel's score, the
/// final score and the rank; how many reviews are still open; and where the quota falls.
/// </summary>
public sealed class GetRanking(InnoClusterDbContext db, CallRecords records)
{
    public sealed record Row(
        int ApplicationId, string EnterpriseName, string ProjectTitle, ApplicationStatus Status, int Assigned, int Scored, int Recused,
        decimal? RawMean, double? ZMean, decimal? Spread, bool Divergent, decimal? PanelScore, decimal? Final, int? Rank, bool WithinQuota, string? Candidate = null);

    public sealed record Result(int CallId, string Title, int? TotalQuota, decimal DivergenceThreshold, int OpenReviews, IReadOnlyList<Row> Rows);

    public async Task<Result?> RunAsync(int callId, CancellationToken cancellationToken)
    {
        if (await records.CallAsync(callId, cancellationToken) is not { } call)
        {
            return null;
        }

        // Only the columns the ranking reads: 2,000 applications and 10,000 reviews per call stay a few fast queries.
        var applications = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId)
            .Select(a => new { a.Id, a.EnterpriseName, a.ProjectTitle, a.Status, a.PanelScore, Candidate = a.Candidate == null ? null : a.Candidate.Name }).ToListAsync(cancellationToken))
            .Where(a => CallApplication.InReview(a.Status, call)).ToList();
        var assignments = await db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.CallId == callId)
            .Select(r => new { r.Id, r.ApplicationId, r.ExpertId, r.Status }).ToListAsync(cancellationToken);
        var totals = (await (from s in db.Set<ScoreSheet>()
                             join r in db.Set<ReviewAssignment>() on s.AssignmentId equals r.Id
                             where r.CallId == callId
                             select new { s.AssignmentId, s.Revision, s.Total }).ToListAsync(cancellationToken))
            .GroupBy(s => s.AssignmentId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Revision)!.Total);
        var scores = assignments.Where(r => r.Status == AssignmentStatus.Scored && totals.ContainsKey(r.Id)).Select(r => new Ranking.Score(r.ApplicationId, r.ExpertId, totals[r.Id])).ToList();
        var panel = applications.Where(a => a.PanelScore is not null).ToDictionary(a => a.Id, a => a.PanelScore!.Value);
        var ranked = Ranking.Rank([.. applications.Select(a => a.Id)], scores, panel, call.DivergenceThreshold);
        var byId = applications.ToDictionary(a => a.Id);
        var work = assignments.ToLookup(r => r.ApplicationId);
        var rows = ranked.Select(r =>
        {
            var a = byId[r.ApplicationId];
            var mine = work[r.ApplicationId].ToList();
            return new Row(a.Id, a.EnterpriseName, a.ProjectTitle, a.Status, mine.Count(m => m.Status != AssignmentStatus.Recused), r.Scored, mine.Count(m => m.Status == AssignmentStatus.Recused),
                r.RawMean, r.ZMean, r.Spread, r.Divergent, r.PanelScore, r.Final, r.Rank, call.TotalQuota is not { } quota || (r.Rank is { } rank && rank <= quota), a.Candidate);
        }).ToList();
        return new Result(call.Id, call.Title, call.TotalQuota, call.DivergenceThreshold, assignments.Count(r => r.Status == AssignmentStatus.Assigned), rows);
    }
}
