using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A call's applications for its reader: the office sees every one past the draft; a 板块 its firms' (when
/// it has a quota to recommend with); a firm its own; an expert those assigned to them and not recused from. Anyone else has
/// no part in the call's review and gets nothing (null).
/// </summary>
public sealed class ListApplications(InnoClusterDbContext db, CallRecords records)
{
    public sealed record Item(int Id, int EnterpriseId, string EnterpriseName, int? DistrictId, string ProjectTitle, ApplicationStatus Status, DateTimeOffset? SubmittedAt, int Returns);

    public async Task<IReadOnlyList<Item>?> RunAsync(int callId, ApplicationStatus? status, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.VisibleCallAsync(callId, actor, cancellationToken) is not { } call)
        {
            return null;
        }

        var applications = db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId);
        if (actor.IsOfficial)
        {
            applications = applications.Where(a => a.Status != ApplicationStatus.Draft);
        }
        else if (actor.EnterpriseId is { } firm)
        {
            applications = applications.Where(a => a.EnterpriseId == firm);
        }
        else if (call.NeedsDistrictRecommendation && await records.DistrictOfAsync(actor, cancellationToken) is { } district && call.QuotaOf(district) is not null)
        {
            applications = applications.Where(a => a.DistrictId == district && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn);
        }
        else if (await records.ExpertOfAsync(actor, cancellationToken) is { } me
            && await db.Set<ReviewAssignment>().AnyAsync(r => r.CallId == callId && r.ExpertId == me.Id && r.Status != AssignmentStatus.Recused, cancellationToken))
        {
            var mine = db.Set<ReviewAssignment>().Where(r => r.CallId == callId && r.ExpertId == me.Id && r.Status != AssignmentStatus.Recused).Select(r => r.ApplicationId);
            applications = applications.Where(a => mine.Contains(a.Id));
        }
        else
        {
            // No part in this call's review: nothing to list, said as for a call one may not see.
            return null;
        }

        if (status is { } s)
        {
            applications = applications.Where(a => a.Status == s);
        }

        return await applications.OrderBy(a => a.Id)
            .Select(a => new Item(a.Id, a.EnterpriseId, a.EnterpriseName, a.DistrictId, a.ProjectTitle, a.Status, a.SubmittedAt, a.Returns))
            .ToListAsync(cancellationToken);
    }
}
