using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>An official confirms or rejects a firm's proposed record, or records that a confirmed one ended (revoked, delisted, withdrawn). Audited.</summary>
public sealed class DecideEnterpriseRecord(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock, Workspace.Announcements announcements)
{
    public enum Decision
    {
        Confirm,
        Reject,
        End,
    }

    public sealed record Request(string? Reason, DateOnly? EndedOn);

    public async Task<Result<RecordView>> RunAsync(ClaimsPrincipal official, int enterpriseId, RecordKind kind, int recordId, Decision decision, Request request, CancellationToken cancellationToken)
    {
        if (await FindAsync(kind, enterpriseId, recordId, cancellationToken) is not { } record)
        {
            return Problem.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = BeijingTime.DayOf(now);
        var who = official.FindFirstValue(ClaimTypes.Email) ?? official.Identity?.Name ?? "official";
        var problem = decision switch
        {
            Decision.Confirm => record.Confirm(who, now),
            Decision.Reject => record.Reject(who, now, request.Reason),
            _ => record.End(request.EndedOn ?? today, request.Reason, today),
        };
        if (problem is not null)
        {
            return problem;
        }

        audit.Add("record-" + decision.ToString().ToLowerInvariant(), "enterprise_" + kind.ToString().ToLowerInvariant(), recordId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", request.Reason);
        await db.SaveChangesAsync(cancellationToken);
        if (decision == Decision.Confirm)
        {
            await announcements.FirmChangedAsync(enterpriseId, cancellationToken);
        }

        return RecordView.Of(record, today, true);
    }

    private async Task<EnterpriseRecord?> FindAsync(RecordKind kind, int enterpriseId, int recordId, CancellationToken cancellationToken) => kind switch
    {
        RecordKind.Designations => await db.Set<EnterpriseTier>().SingleOrDefaultAsync(r => r.Id == recordId && r.EnterpriseId == enterpriseId, cancellationToken),
        RecordKind.Certifications => await db.Set<ProductCertification>().SingleOrDefaultAsync(r => r.Id == recordId && r.EnterpriseId == enterpriseId, cancellationToken),
        RecordKind.Standards => await db.Set<StandardRecord>().SingleOrDefaultAsync(r => r.Id == recordId && r.EnterpriseId == enterpriseId, cancellationToken),
        RecordKind.Financing => await db.Set<FinancingRecord>().SingleOrDefaultAsync(r => r.Id == recordId && r.EnterpriseId == enterpriseId, cancellationToken),
        _ => await db.Set<Filing>().SingleOrDefaultAsync(r => r.Id == recordId && r.EnterpriseId == enterpriseId, cancellationToken),
    };
}
