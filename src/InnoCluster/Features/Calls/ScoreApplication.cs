using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>
/// An expert scores an application assigned to them on the call's rubric, while the call is in review; a
/// second scoring is a new revision beside the first (audited), never an overwrite.
/// </summary>
public sealed class ScoreApplication(InnoClusterDbContext db, CallRecords records, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(IReadOnlyDictionary<string, decimal>? Scores, string? Comment);

    public async Task<Result<ApplicationView.Review>> RunAsync(int applicationId, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await records.ApplicationAsync(applicationId, actor, cancellationToken) is not { MyAssignment: { } mine } loaded)
        {
            return Problem.NotFound();
        }

        if (loaded.Call.PhaseAt(now) != CallPhase.Reviewing || loaded.Application.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected)
        {
            return Problem.Conflict("评审已结束 / the review is over");
        }

        if (mine.Score(loaded.Call.Rubric, request.Scores ?? new Dictionary<string, decimal>(), request.Comment, now) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("score", "review_assignments", mine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"application {applicationId}, revision {mine.Sheets.Count}, total {mine.Latest!.Total}", cancellationToken);
        return ApplicationView.ReviewOf(mine, loaded.Me!.Name);
    }
}
