using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A call's public report: its rules, how many applications reached each stage, how the review went (experts,
/// reviews, recusals — never who scored what), the 公示 or the result, and the objections filed and answered.
/// What any reader may know; the office's scores are in its exports.
/// </summary>
public sealed class GetCallReport(InnoClusterDbContext db, GetCall get, GetPublicity publicity)
{
    public sealed record Stages(int Submitted, int Returned, int PassedCheck, int Recommended, int InReview, int Selected, int Withdrawn);

    public sealed record Review(int Experts, int Reviews, int Recusals);

    public sealed record Report(CallView Call, Stages Stages, Review Review, GetPublicity.Result? Publicity);

    public async Task<Report?> RunAsync(int callId, CancellationToken cancellationToken)
    {
        if (await get.RunAsync(callId, CallActor.Anonymous, cancellationToken) is not { } call)
        {
            return null;
        }

        var applications = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.Status, a.Returns, a.SubmittedAt }).ToListAsync(cancellationToken);
        var reviews = await db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.CallId == callId).Select(r => new { r.ExpertId, r.Status }).ToListAsync(cancellationToken);
        var model = new Call { NeedsDistrictRecommendation = call.NeedsDistrictRecommendation };
        var stages = new Stages(
            applications.Count(a => a.SubmittedAt is not null),
            applications.Count(a => a.Returns > 0),
            applications.Count(a => a.Status is ApplicationStatus.Accepted or ApplicationStatus.Recommended or ApplicationStatus.NotRecommended or ApplicationStatus.Selected or ApplicationStatus.NotSelected),
            applications.Count(a => a.Status is ApplicationStatus.Recommended || (call.NeedsDistrictRecommendation && a.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected)),
            applications.Count(a => CallApplication.InReview(a.Status, model)),
            applications.Count(a => a.Status == ApplicationStatus.Selected),
            applications.Count(a => a.Status == ApplicationStatus.Withdrawn));
        var review = new Review(
            reviews.Where(r => r.Status != AssignmentStatus.Recused).Select(r => r.ExpertId).Distinct().Count(),
            reviews.Count(r => r.Status == AssignmentStatus.Scored),
            reviews.Count(r => r.Status == AssignmentStatus.Recused));
        return new Report(call, stages, review, await publicity.RunAsync(callId, cancellationToken));
    }
}
