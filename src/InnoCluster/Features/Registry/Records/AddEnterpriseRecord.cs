using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// A record is added to a firm: by an official it counts at once; by the firm's own account it is a proposal
/// that counts only when an official confirms it. Nobody else may add one. The same record twice is refused;
/// a renewal or a new level is a new record (the year or level differs) beside the old one. Audited. Another
/// firm's record is answered as not found, as every owner-scoped object is.
/// </summary>
public sealed class AddEnterpriseRecord(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock, Workspace.Announcements announcements)
{
    public async Task<Result<RecordView>> RunAsync<T>(ClaimsPrincipal user, int enterpriseId, IRecordRequest<T> request, CancellationToken cancellationToken)
        where T : EnterpriseRecord
    {
        var official = user.IsInRole(Roles.Official);
        if ((!official && user.EnterpriseOf() != enterpriseId) || !await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken))
        {
            return Problem.NotFound();
        }

        var today = BeijingTime.Today(clock);
        var errors = request.Check(today).ToList();
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        if (await db.Set<T>().AnyAsync(request.Repeats(enterpriseId), cancellationToken))
        {
            return Problem.Conflict($"该记录已登记：{request.Describe()} / already recorded: {request.Describe()}");
        }

        var record = request.Build();
        var who = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user";
        record.EnterpriseId = enterpriseId;
        record.Source = RecordRequestChecks.SourceOf(request, today);
        record.EnteredBy = who;
        record.Status = official ? RecordStatus.Confirmed : RecordStatus.Proposed;
        if (official)
        {
            record.ReviewedBy = who;
            record.ReviewedAt = clock.GetUtcNow();
        }

        db.Add(record);
        var view = RecordView.Of(record, today, true);
        audit.Add(official ? "record-add" : "record-propose", "enterprise_" + view.Kind.ToString().ToLowerInvariant(), enterpriseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", request.Describe());
        await db.SaveChangesAsync(cancellationToken);
        if (official)
        {
            await announcements.FirmChangedAsync(enterpriseId, cancellationToken);
        }

        return view with { Id = record.Id };
    }
}
