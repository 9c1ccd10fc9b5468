using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// Assigns the call's N experts to every application in review that has fewer (<see cref="ExpertAssignment"/>):
/// after the close, before the 公示. Conflicts found on the way are recorded as recusals with their reason.
/// Run again after an expert steps aside, it fills only the gap.
/// </summary>
public sealed class AssignExperts(InnoClusterDbContext db, CallRecords records, IRegistryDirectory registry, TimeProvider clock)
{
    public sealed record Outcome(int Assigned, int Recusals, int Applications, IReadOnlyDictionary<int, int> ShortOfExperts);

    public async Task<Result<Outcome>> RunAsync(int callId, CancellationToken cancellationToken, int? onlyApplication = null)
    {
        var now = clock.GetUtcNow();
        if (await records.CallAsync(callId, cancellationToken) is not { } call || !call.IsPublic)
        {
            return Problem.NotFound();
        }

        if (call.PhaseAt(now) != CallPhase.Reviewing)
        {
            return Problem.Conflict("申报截止后、公示前分配评审专家 / experts are assigned after the close and before the 公示");
        }

        var applications = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId && (onlyApplication == null || a.Id == onlyApplication)).ToListAsync(cancellationToken))
            .Where(a => a.IsInReview(call) && a.Status is not (ApplicationStatus.Selected or ApplicationStatus.NotSelected)).ToList();
        var experts = await db.Set<Expert>().AsNoTracking().Where(e => e.Active).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var existing = await db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.CallId == callId).Select(r => new { r.ApplicationId, r.ExpertId, r.Status }).ToListAsync(cancellationToken);
        var sketches = await registry.SketchesAsync([.. applications.Select(a => a.EnterpriseId).Distinct()], cancellationToken);
        // A talent programme's fit is the candidate's field when its chain node is given; otherwise the firm's nodes.
        var candidates = applications.Select(a => new ExpertAssignment.Candidate(
            new Recusal.Applicant(a.EnterpriseId, a.EnterpriseName, a.Partners, a.Candidate?.Name), a.Id,
            a.Candidate?.ChainNodeId is { } node ? [node] : (sketches.GetValueOrDefault(a.EnterpriseId)?.ChainNodeIds ?? []).ToHashSet())).ToList();
        var outcome = ExpertAssignment.Assign(
            candidates, experts, call.ExpertsPerApplication, call.Year,
            existing.Where(e => e.Status != AssignmentStatus.Recused).ToLookup(e => e.ApplicationId, e => e.ExpertId),
            existing.Where(e => e.Status == AssignmentStatus.Recused).ToLookup(e => e.ApplicationId, e => e.ExpertId));
        // Thousands of rows at once (2,000 applications × 5 experts): written in bulk, in one transaction.
        List<ReviewAssignment> rows =
        [
            .. outcome.Picks.Select(pick => new ReviewAssignment { CallId = callId, ApplicationId = pick.ApplicationId, ExpertId = pick.ExpertId, Fit = pick.Fit, Status = AssignmentStatus.Assigned, AssignedAt = now }),
            .. outcome.Recusals.Select(r => new ReviewAssignment { CallId = callId, ApplicationId = r.ApplicationId, ExpertId = r.ExpertId, Status = AssignmentStatus.Recused, RecusalReason = r.Reason, AssignedAt = now }),
        ];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, rows, withKeys: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(outcome.Picks.Count, outcome.Recusals.Count, applications.Count, outcome.ShortOf);
    }
}
